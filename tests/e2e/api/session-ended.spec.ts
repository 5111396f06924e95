import { expect, test } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import { addMember, closeAdminDb, createOrg, createUser, type ApiOrg, type ApiUser } from '../support/api-fixtures';
import { e2eStack } from '../support/stack';
import { send } from './client';

/**
 * A signed-out session's access tokens stop working at once: the statement
 * that sets the caller in the database also checks that the token's session
 * still exists, so the API refuses the token the moment the session ends, not
 * when the token expires an hour later.
 */
let org: ApiOrg;
let admin: ApiUser;
let other: ApiUser;
test.beforeAll(async () => {
  org = await createOrg('ended');
  admin = await createUser('ended-admin');
  other = await createUser('ended-other');
  await addMember(org, admin, 'admin');
  await addMember(org, other, 'admin');
});
test.afterAll(() => closeAdminDb());

const audit = (token: string) => send({ slug: org.slug, method: 'GET', path: '/api/audit', token });

test('after sign-out everywhere the old access token answers 401 at once; other sessions are untouched', async () => {
  expect((await audit(admin.token)).status).toBe(200);
  const { authUrl, secretKey } = e2eStack();
  const auth = createClient(authUrl, secretKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const { error } = await auth.auth.admin.signOut(admin.token, 'global');
  expect(error).toBeNull();

  const refused = await audit(admin.token);
  expect(refused.status).toBe(401);
  expect(refused.json).toEqual({ error: { code: 'unauthorized', message: 'Your session has ended. Sign in again.' } });
  // Control: another user's session still works.
  expect((await audit(other.token)).status).toBe(200);
});

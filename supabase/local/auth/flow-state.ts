import crypto from 'node:crypto';
import type { Db } from './db.ts';
import { badRequest, notFound, unprocessable } from './errors.ts';

/**
 * PKCE (auth.flow_state). A flow starts when a client sends code_challenge with
 * signup/otp/recover/PUT user; clicking the email link issues the flow's auth
 * code (redirect ?code=...); POST /token?grant_type=pkce trades code + verifier
 * for a session once, within flowStateExpirySeconds of the code being issued.
 */
export type AuthMethod = 'email/signup' | 'magiclink' | 'recovery' | 'invite' | 'email_change';

export interface PkceParams {
  codeChallenge: string | null;
  codeChallengeMethod: 's256' | 'plain' | null;
}

const CHALLENGE_PATTERN = /^[A-Za-z0-9._~-]{43,128}$/;

/** GoTrue's validatePKCEParams: both or neither, and a well-formed challenge. */
export function pkceParams(challenge: string | null | undefined, method: string | null | undefined): PkceParams {
  const c = challenge || null;
  const m = method || null;
  if ((c === null) !== (m === null)) {
    throw badRequest('validation_failed', 'PKCE flow requires code_challenge_method and code_challenge');
  }
  if (c === null || m === null) return { codeChallenge: null, codeChallengeMethod: null };
  if (!CHALLENGE_PATTERN.test(c)) {
    throw badRequest('validation_failed', 'code challenge has to be between 43 and 128 characters');
  }
  const lower = m.toLowerCase();
  if (lower !== 's256' && lower !== 'plain') {
    throw badRequest('validation_failed', `unsupported code_challenge method "${m}"`);
  }
  return { codeChallenge: c, codeChallengeMethod: lower };
}

export const isPkce = (params: PkceParams) => params.codeChallenge !== null;

/** Maps a /verify type to the flow's authentication method (GoTrue's ParseAuthenticationMethod). */
export function methodForVerifyType(type: string): AuthMethod | null {
  switch (type) {
    case 'signup':
      return 'email/signup';
    case 'magiclink':
    case 'recovery':
    case 'invite':
    case 'email_change':
      return type;
    default:
      return null;
  }
}

export async function createFlowState(db: Db, userId: string, method: AuthMethod, params: PkceParams): Promise<void> {
  if (!params.codeChallenge || !params.codeChallengeMethod) return;
  // Flows nobody finished within a day are dead; GoTrue cleans them up too.
  await db`delete from auth.flow_state where created_at < now() - interval '1 day'`;
  await db`
    insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
                                 authentication_method, created_at, updated_at)
    values (${crypto.randomUUID()}, ${userId}, ${crypto.randomUUID()}, ${params.codeChallengeMethod}, ${params.codeChallenge},
            ${method === 'email/signup' ? 'email' : method}, ${method}, now(), now())`;
}

/** Issues the auth code of the user's latest flow for this method (on a PKCE link click). */
export async function issueAuthCode(db: Db, userId: string, method: AuthMethod): Promise<string> {
  const [row] = await db<{ auth_code: string }[]>`
    update auth.flow_state set auth_code_issued_at = now(), updated_at = now()
    where id = (select id from auth.flow_state where user_id = ${userId} and authentication_method = ${method}
                order by created_at desc limit 1)
    returning auth_code`;
  if (!row) throw badRequest('flow_state_not_found', 'No associated flow state found. flow state not found');
  return row.auth_code;
}

/** Checks code + verifier and consumes the flow (single use). Returns the user and how they authenticated. */
export async function exchangeAuthCode(
  db: Db,
  authCode: string,
  verifier: string,
  expirySeconds: number,
): Promise<{ userId: string; method: string }> {
  const [flow] = await db<
    { id: string; user_id: string | null; code_challenge: string; code_challenge_method: string; authentication_method: string; auth_code_issued_at: Date | null; created_at: Date | null }[]
  >`select * from auth.flow_state where auth_code = ${authCode} for update`;
  if (!flow || !flow.user_id || !flow.auth_code_issued_at) {
    throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
  }
  if (Date.now() > flow.auth_code_issued_at.getTime() + expirySeconds * 1000) {
    throw unprocessable('flow_state_expired', 'invalid flow state, flow state has expired');
  }
  const expected = Buffer.from(flow.code_challenge);
  const actual = Buffer.from(
    flow.code_challenge_method === 's256' ? crypto.createHash('sha256').update(verifier).digest('base64url') : verifier,
  );
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) {
    throw badRequest('bad_code_verifier', 'code challenge does not match previously saved code verifier');
  }
  await db`delete from auth.flow_state where id = ${flow.id}`;
  return { userId: flow.user_id, method: flow.authentication_method };
}

import { afterAll, describe, expect, it } from 'vitest';
import { closeSql, withRls } from '@/lib/db';
import { createChannel, listChannels, updateChannel } from '@/lib/notifications/channels';
import { adminSql } from '@/tests/setup/admin-sql';
import { auditActions, createOrgWithRoles, testContext } from '@/tests/setup/fixtures';

/**
 * Channel secrets (migration 20261222000000_notifications.sql): admins write them, nobody
 * reads them back through the API roles; what is stored is ciphertext under a key id; every
 * change is audited by the database without the secret.
 */
const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('notification channel secrets', () => {
  it('are stored sealed, never readable by an admin, and audited without the value', async () => {
    const w = await createOrgWithRoles(admin);
    const url = 'https://hooks.slack.com/services/T000/B000/very-secret-token';
    const created = await withRls(w.admin.claims, (tx) => createChannel(tx, { orgId: w.org.id, kind: 'slack', name: 'Team Slack', webhookUrl: url }), { context: testContext() });
    expect(created).toMatchObject({ kind: 'slack', secretSet: true });
    expect(JSON.stringify(created)).not.toContain('very-secret');
    const [row] = await admin<{ secret_ciphertext: string; secret_key_id: string }[]>`select secret_ciphertext, secret_key_id from public.notification_channels where id = ${created.id}`;
    expect(row?.secret_key_id).toBe('test1');
    expect(row?.secret_ciphertext).not.toContain('secret-token');

    const read = withRls(w.owner.claims, (tx) => tx`select secret_ciphertext from public.notification_channels where id = ${created.id}`);
    await expect(read).rejects.toMatchObject({ code: '42501' });
    expect(JSON.stringify(await withRls(w.owner.claims, (tx) => listChannels(tx, { orgId: w.org.id })))).not.toContain('secret-token');

    await withRls(w.admin.claims, (tx) => updateChannel(tx, { orgId: w.org.id, id: created.id, webhookUrl: `${url}-2`, enabled: false }));
    expect(await auditActions(admin, w.org.id)).toEqual(['notification_channel.created', 'notification_channel.updated']);
    const log = await admin<{ before: unknown; after: unknown }[]>`select before, after from public.audit_log where org_id = ${w.org.id}`;
    expect(JSON.stringify(log)).not.toMatch(/secret-token|hooks\.slack/);
    expect(log[1]?.after).toMatchObject({ enabled: false, secret: '(changed)' });
  });

  it('a member cannot create channels and a refused URL is a 422', async () => {
    const w = await createOrgWithRoles(admin);
    await expect(withRls(w.member.claims, (tx) => createChannel(tx, { orgId: w.org.id, kind: 'email', name: 'Mail' }))).rejects.toMatchObject({ code: 'forbidden' });
    for (const url of ['http://hooks.example.com/x', 'https://10.0.0.1/hook', 'https://user:pw@example.com/', 'https://localhost/']) {
      await expect(
        withRls(w.admin.claims, (tx) => createChannel(tx, { orgId: w.org.id, kind: 'webhook', name: 'Hook', url, secret: 'whsec_0123456789abcdef' })),
      ).rejects.toMatchObject({ code: 'validation_failed' });
    }
  });
});

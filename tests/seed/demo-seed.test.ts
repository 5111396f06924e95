import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { claimsFor } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { listAuditFeed } from '@/lib/audit/queries';

/**
 * The demo seed (supabase/seed.sql, applied by the global setup) gives Acme Health a
 * history its audit log can show: made by the audit triggers from real changes, by
 * their actors, spread over the past weeks, and consistent with the data it left.
 */
const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

const acme = '00000000-0000-4000-8000-00000000a000';
const olivia = { id: '00000000-0000-4000-8000-0000000000a1', email: 'owner@acme.test' };

describe('demo seed', () => {
  it('tells Acme Health’s first weeks in its audit log', async () => {
    const page = await withRls(claimsFor(olivia), (tx) => listAuditFeed(tx, { orgId: acme, limit: 100 }));
    const story = page.items.map((e) => e.sentence.text).reverse();
    expect(story).toEqual([
      'Olivia Owner created the organization Acme',
      'Olivia Owner joined as owner',
      'Olivia Owner invited admin@acme.test as admin',
      'Adam Admin joined as admin',
      'Adam Admin accepted the invitation sent to admin@acme.test',
      'Olivia Owner renamed the organization from Acme to Acme Health',
      'Adam Admin invited member@acme.test as member',
      'Adam Admin invited noah@acme.test as member',
      'Mia Member joined as member',
      'Mia Member accepted the invitation sent to member@acme.test',
      'Noah Patel joined as member',
      'Noah Patel accepted the invitation sent to noah@acme.test',
      'Adam Admin invited viewer@acme.test as member',
      'Victor Viewer joined as member',
      'Victor Viewer accepted the invitation sent to viewer@acme.test',
      'Adam Admin changed Victor Viewer’s role from member to viewer',
      'Olivia Owner invited jordan@acme.test as viewer',
      'Jordan Lee joined as viewer',
      'Jordan Lee accepted the invitation sent to jordan@acme.test',
      'Adam Admin invited sam@contractor.test as member',
      'Adam Admin revoked the invitation for sam@contractor.test',
      'Olivia Owner changed Noah Patel’s role from member to admin',
      'Mia Member created the task Draft the patient intake form',
      'Adam Admin created the task Review the HIPAA checklist',
      'Olivia Owner removed Noah Patel from the organization',
      'Mia Member moved Draft the patient intake form from to do to in progress',
      'Jordan Lee left the organization',
      'Adam Admin invited priya@acme.test as member',
      'Olivia Owner commented on Review the HIPAA checklist',
      'Adam Admin created the task Set up the expense approvals template',
      'Adam Admin resent the invitation to priya@acme.test',
      'Mia Member moved Draft the patient intake form from in progress to in review',
      'Olivia Owner invited leo@northwind.test as viewer',
    ]);
    const first = page.items.at(-1)!;
    const last = page.items[0]!;
    const days = (at: Date) => (Date.now() - at.getTime()) / 86_400_000;
    expect(days(first.createdAt)).toBeGreaterThan(20);
    expect(days(last.createdAt)).toBeLessThan(1);
    expect(page.items.every((e) => e.requestId && e.ip && e.userAgent)).toBe(true);
  });

  it('gives the tasks the history of the story, at its times', async () => {
    const rows = await admin<{ title: string; status: string; fields: string[]; days: number[]; comment_days: number | null }[]>`
      select k.title, k.status,
             array_agg(t.field order by t.created_at) as fields,
             array_agg(floor(extract(epoch from now() - t.created_at) / 86400)::int order by t.created_at) as days,
             (select floor(extract(epoch from now() - c.created_at) / 86400)::int from public.task_comments c where c.task_id = k.id) as comment_days
      from public.tasks k join public.task_activity t on t.task_id = k.id
      where k.org_id = ${acme} group by k.id order by k.created_at`;
    expect(rows).toEqual([
      { title: 'Draft the patient intake form', status: 'in_review', fields: ['created', 'status', 'status'], days: [6, 4, 0], comment_days: null },
      { title: 'Review the HIPAA checklist', status: 'todo', fields: ['created', 'comment'], days: [5, 2], comment_days: 2 },
      { title: 'Set up the expense approvals template', status: 'todo', fields: ['created'], days: [1], comment_days: null },
    ]);
  });

  it('leaves the data the story describes', async () => {
    const members = await admin<{ email: string; role: string; joined_days: number }[]>`
      select u.email, m.role, extract(day from now() - m.created_at)::int as joined_days
      from public.memberships m join auth.users u on u.id = m.user_id
      where m.org_id = ${acme} order by m.created_at`;
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['owner@acme.test', 'owner'], ['admin@acme.test', 'admin'], ['member@acme.test', 'member'], ['viewer@acme.test', 'viewer'],
    ]);
    expect(members[0]!.joined_days).toBe(24);
    const pending = await admin<{ email: string; expires_in_days: number }[]>`
      select email, round(extract(epoch from expires_at - now()) / 86400)::int as expires_in_days
      from public.invitations where org_id = ${acme} and accepted_at is null and revoked_at is null order by created_at`;
    expect(pending).toEqual([{ email: 'priya@acme.test', expires_in_days: 6 }, { email: 'leo@northwind.test', expires_in_days: 7 }]);
    const [org] = await admin<{ name: string; age: number }[]>`
      select name, extract(day from now() - created_at)::int as age from public.organizations where id = ${acme}`;
    expect(org).toEqual({ name: 'Acme Health', age: 24 });
  });
});

import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditTable } from '@/components/audit/audit-table';
import { FormMessage } from '@/components/forms/form-message';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Forbidden } from '@/components/workspace/forbidden';
import { listAuditEntries } from '@/lib/audit/queries';
import { auditFilterSchema } from '@/lib/audit/schemas';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { listMembers } from '@/lib/members/queries';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Audit log' };

const ACTIONS = [
  'organization.created', 'organization.updated', 'member.joined', 'member.role_changed', 'member.removed',
  'member.left', 'ownership.transferred', 'invitation.created', 'invitation.resent', 'invitation.revoked', 'invitation.accepted',
];
const selectClass = 'h-10 w-full rounded-md border border-border bg-surface px-3 text-sm';

export default async function AuditPage({ searchParams }: PageProps<'/w/[slug]/audit'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('audit:read')) return <Forbidden what="the audit log" />;
  const params = await searchParams;
  const raw = Object.fromEntries(
    ['actor', 'action', 'from', 'to', 'cursor'].map((k) => [k, typeof params[k] === 'string' && params[k] ? params[k] : undefined]),
  ) as Record<string, string | undefined>;
  const { tenant, user } = workspace;
  const toEnd = raw.to ? `${raw.to}T23:59:59.999Z` : undefined;
  const filter = auditFilterSchema.safeParse({
    orgId: tenant.id, actorId: raw.actor, action: raw.action, from: raw.from, to: toEnd, cursor: raw.cursor, limit: 25,
  });
  const [page, members] = await withRls(rlsClaimsOf(user), async (tx) => [
    filter.success ? await listAuditEntries(tx, { ...filter.data, cursor: raw.cursor }) : null,
    (await listMembers(tx, { orgId: tenant.id, limit: 100 })).items,
  ] as const);
  const keep = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== 'cursor' && v)) as Record<string, string>;
  return (
    <div className="space-y-6">
      <div>
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">Audit log</h1>
          {/* Only audit:read reaches this line; the topic's policy asks the same. */}
          <LiveRefresh topic={`org:${tenant.id}:audit`} />
        </div>
        <p className="mt-1 text-sm text-muted">Every change to members, roles, invitations and settings. Entries cannot be edited or deleted.</p>
      </div>
      <form className="grid gap-3 rounded-lg border border-border bg-surface p-4 sm:grid-cols-5" aria-label="Filter the audit log">
        <div className="space-y-1">
          <Label htmlFor="f-actor">Actor</Label>
          <select id="f-actor" name="actor" defaultValue={raw.actor ?? ''} className={selectClass}>
            <option value="">Anyone</option>
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.email}</option>)}
          </select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="f-action">Action</Label>
          <select id="f-action" name="action" defaultValue={raw.action ?? ''} className={selectClass}>
            <option value="">Any action</option>
            {ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="f-from">From</Label>
          <Input id="f-from" name="from" type="date" defaultValue={raw.from} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="f-to">To</Label>
          <Input id="f-to" name="to" type="date" defaultValue={raw.to} />
        </div>
        <div className="flex items-end gap-2">
          <Button type="submit">Filter</Button>
          <Button asChild variant="ghost"><Link href="/audit">Clear</Link></Button>
        </div>
      </form>
      {!page ? (
        <FormMessage message={filter.error?.issues[0]?.message ?? 'These filters are not valid.'} />
      ) : page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-10 text-center text-muted">No entries match these filters.</p>
      ) : (
        <AuditTable entries={page.items} />
      )}
      <nav aria-label="Audit pages" className="flex gap-3 text-sm">
        {raw.cursor ? <Link className="text-primary hover:underline" href={`?${new URLSearchParams(keep)}`}>← Newest</Link> : null}
        {page?.nextCursor ? (
          <Link className="text-primary hover:underline" href={`?${new URLSearchParams({ ...keep, cursor: page.nextCursor })}`}>Older entries →</Link>
        ) : null}
      </nav>
    </div>
  );
}

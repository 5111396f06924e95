import { ChevronLeft, ChevronRight, History, SearchX } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditFeed } from '@/components/audit/audit-entry';
import { AuditFilters, type AuditFilterValues } from '@/components/audit/audit-filters';
import { FormMessage } from '@/components/forms/form-message';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/workspace/forbidden';
import { listAuditFeed } from '@/lib/audit/queries';
import { auditFilterSchema } from '@/lib/audit/schemas';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { listMembers } from '@/lib/members/queries';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 25;
const first = (value: string | string[] | undefined) => (typeof value === 'string' && value ? value : undefined);

export default async function AuditPage({ searchParams }: PageProps<'/w/[slug]/audit'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('audit:read')) return <Forbidden what="the audit log" />;
  const params = await searchParams;
  const values: AuditFilterValues = { actor: first(params.actor), action: first(params.action), from: first(params.from), to: first(params.to) };
  const cursor = first(params.cursor);
  const { tenant, user } = workspace;
  const filter = auditFilterSchema.safeParse({
    orgId: tenant.id, actorId: values.actor, action: values.action, from: values.from,
    to: values.to ? `${values.to}T23:59:59.999Z` : undefined, cursor, limit: PAGE_SIZE,
  });
  const [page, members] = await withRls(rlsClaimsOf(user), async (tx) => [
    filter.success ? await listAuditFeed(tx, { ...filter.data, cursor }) : null,
    (await listMembers(tx, { orgId: tenant.id, limit: 100 })).items,
  ] as const);
  const filtered = Object.values(values).some(Boolean);
  const keep = Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>;
  const actors = members.map((m) => ({ value: m.userId, label: m.name || m.email, description: m.name ? m.email : undefined }));

  return (
    <div>
      <PageHeader
        title="Audit log"
        // Only audit:read reaches this line; the topic's policy asks the same.
        titleAddon={<LiveRefresh topic={`org:${tenant.id}:audit`} />}
        description="Every change to members, roles, invitations and settings, as it happened. Entries cannot be edited or deleted."
      />
      <AuditFilters values={values} actors={actors}>
        {!page ? (
          <FormMessage message={filter.error?.issues[0]?.message ?? 'These filters are not valid.'} />
        ) : page.items.length === 0 ? (
          cursor ? (
            <EmptyState
              icon={History}
              title="No older entries"
              action={<Button asChild variant="secondary" size="sm"><Link href={`?${new URLSearchParams(keep)}`}>Back to the newest</Link></Button>}
            />
          ) : filtered ? (
            <EmptyState
              icon={SearchX}
              title="No entries match these filters"
              description="Try another person or action, or a wider date range."
              action={<Button asChild variant="secondary" size="sm"><Link href="/audit">Clear filters</Link></Button>}
            />
          ) : (
            <EmptyState
              icon={History}
              title="No activity yet"
              description="When people join, change roles, send invitations or rename the organization, it shows up here."
            />
          )
        ) : (
          <div className="space-y-4">
            <AuditFeed items={page.items} />
            <nav aria-label="Audit pages" className="flex items-center justify-between gap-3">
              {cursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={`?${new URLSearchParams(keep)}`}><ChevronLeft aria-hidden className="h-4 w-4" />Newest</Link>
                </Button>
              ) : <span />}
              {page.nextCursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={`?${new URLSearchParams({ ...keep, cursor: page.nextCursor })}`}>Older entries<ChevronRight aria-hidden className="h-4 w-4" /></Link>
                </Button>
              ) : null}
            </nav>
          </div>
        )}
      </AuditFilters>
    </div>
  );
}

import { RefreshCw, Send } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DeliveryFilters } from '@/components/notifications/delivery-filters';
import { RetryButton } from '@/components/notifications/retry-button';
import { NotificationSettingsTabs } from '@/components/notifications/settings-tabs';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { Forbidden } from '@/components/workspace/forbidden';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { listChannels } from '@/lib/notifications/channels';
import { listDeliveries } from '@/lib/notifications/delivery-log';
import { eventLabel, eventLabels } from '@/lib/notifications/event-labels';
import { listDeliveriesSchema, type Delivery } from '@/lib/notifications/schemas';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Delivery log' };
const first = (value: string | string[] | undefined) => (typeof value === 'string' && value ? value : undefined);
const tones: Record<Delivery['status'], BadgeTone> = { sent: 'success', failed: 'danger', retrying: 'primary', pending: 'outline' };

/** Every outgoing message (notifications:manage): status, attempts, last error and response code, with "Retry now". */
export default async function DeliveryLogPage({ searchParams }: PageProps<'/w/[slug]/channels/deliveries'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('notifications:manage')) return <Forbidden what="the delivery log" />;
  const params = await searchParams;
  const values = { status: first(params.status), channelId: first(params.channelId), event: first(params.event) };
  const cursor = first(params.cursor);
  const filter = listDeliveriesSchema.safeParse({ orgId: workspace.tenant.id, ...values, cursor, limit: 25 });
  const [page, channels] = await withRls(rlsClaimsOf(workspace.user), async (tx) => [
    filter.success ? await listDeliveries(tx, filter.data) : { items: [], nextCursor: null },
    await listChannels(tx, { orgId: workspace.tenant.id }),
  ] as const);
  const keep = Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>;
  return (
    <div>
      <PageHeader
        title="Delivery log"
        description="Every email, Slack message and webhook sent for this organization's notifications. Failed deliveries are retried with backoff; retry one now when its endpoint is fixed."
        actions={<Button asChild variant="secondary" size="sm"><Link href={`?${new URLSearchParams(keep)}`}><RefreshCw aria-hidden className="h-4 w-4" />Refresh</Link></Button>}
      />
      <NotificationSettingsTabs current="deliveries" />
      <DeliveryFilters
        values={values}
        channels={channels.map((c) => ({ value: c.id, label: c.name }))}
        events={Object.keys(eventLabels).map((e) => ({ value: e, label: e }))}
      />
      <DataTable<Delivery>
        caption="Deliveries"
        rows={page.items}
        rowKey={(d) => d.id}
        empty={<EmptyState icon={Send} title={Object.keys(keep).length ? 'No deliveries match these filters' : 'Nothing sent yet'} description="Deliveries appear when events reach members through a channel." />}
        pagination={{
          label: 'Delivery pages',
          firstHref: cursor ? `?${new URLSearchParams(keep)}` : null,
          nextHref: page.nextCursor ? `?${new URLSearchParams({ ...keep, cursor: page.nextCursor })}` : null,
        }}
        columns={[
          {
            key: 'what',
            header: 'Delivery',
            className: 'min-w-[12rem]',
            cell: (d) => (
              <span className="block">
                <span className="block font-medium">{d.channelName}</span>
                <span className="block text-xs text-muted" title={d.eventName}>
                  {eventLabel(d.eventName)} · <RelativeTime date={d.createdAt} />
                </span>
              </span>
            ),
          },
          { key: 'recipient', header: 'Recipient', cell: (d) => <span title={d.recipientEmail ?? undefined} className="block max-w-[9rem] truncate">{d.recipientEmail ?? 'A former member'}</span>, hideBelow: 'md' },
          { key: 'status', header: 'Status', cell: (d) => <Badge tone={tones[d.status]}>{d.status}</Badge> },
          {
            key: 'attempts',
            header: 'Tries · code',
            align: 'right',
            className: 'whitespace-nowrap',
            cell: (d) => <span title={`${d.attempts} attempt${d.attempts === 1 ? '' : 's'}, last response ${d.responseCode ?? 'none'}`}>{d.attempts} · {d.responseCode ?? '–'}</span>,
          },
          { key: 'error', header: 'Last error', className: 'text-muted', cell: (d) => <span title={d.lastError ?? undefined} className="block max-w-[9rem] truncate">{d.lastError ?? '–'}</span>, hideBelow: 'lg' },
          { key: 'retry', header: 'Action', align: 'right', className: 'w-px whitespace-nowrap', cell: (d) => (d.status === 'sent' ? null : <RetryButton id={d.id} />) },
        ]}
      />
    </div>
  );
}

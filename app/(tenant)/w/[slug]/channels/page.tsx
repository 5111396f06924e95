import { Mail, MessageSquare, Webhook } from 'lucide-react';
import type { Metadata } from 'next';
import { ChannelActions } from '@/components/notifications/channel-actions';
import { ChannelForm } from '@/components/notifications/channel-form';
import { NotificationSettingsTabs } from '@/components/notifications/settings-tabs';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/workspace/forbidden';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { listChannels } from '@/lib/notifications/channels';
import { channelLabel } from '@/lib/notifications/event-labels';
import type { Channel } from '@/lib/notifications/schemas';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Notification channels' };
const icons = { email: Mail, slack: MessageSquare, webhook: Webhook };

/** The organization's channels (notifications:manage): add, test, turn off, remove. */
export default async function ChannelsPage() {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('notifications:manage')) return <Forbidden what="notification channels" />;
  const channels = await withRls(rlsClaimsOf(workspace.user), (tx) => listChannels(tx, { orgId: workspace.tenant.id }));
  return (
    <div>
      <PageHeader
        title="Notification channels"
        description="Where this organization's notifications go besides the in-app bell. Each member chooses which events reach them in their preferences."
      />
      <NotificationSettingsTabs current="channels" />
      <div className="space-y-6">
        <DataTable<Channel>
          caption="Notification channels"
          rows={channels}
          rowKey={(c) => c.id}
          empty={<EmptyState icon={Webhook} title="No channels yet" description="Add email, a Slack incoming webhook or your own HTTPS endpoint below." />}
          columns={[
            {
              key: 'name',
              header: 'Channel',
              cell: (c) => {
                const Icon = icons[c.kind];
                return (
                  <span className="flex items-center gap-2">
                    <Icon aria-hidden className="h-4 w-4 text-muted" />
                    <span className="font-medium">{c.name}</span>
                  </span>
                );
              },
            },
            { key: 'kind', header: 'Kind', cell: (c) => channelLabel(c.kind), hideBelow: 'sm' },
            {
              key: 'target',
              header: 'Destination',
              hideBelow: 'md',
              className: 'max-w-[18rem] truncate',
              cell: (c) => (c.kind === 'email' ? 'Each recipient’s email' : c.kind === 'slack' ? (c.secretSet ? 'Webhook URL saved (hidden)' : 'No URL') : `${c.url ?? ''}${c.secretSet ? ' · secret saved' : ''}`),
            },
            { key: 'status', header: 'Status', cell: (c) => <Badge tone={c.enabled ? 'success' : 'outline'}>{c.enabled ? 'On' : 'Off'}</Badge> },
            { key: 'actions', header: 'Actions', align: 'right', cell: (c) => <ChannelActions id={c.id} name={c.name} enabled={c.enabled} /> },
          ]}
        />
        <section aria-labelledby="add-channel">
          <h2 id="add-channel" className="mb-3 text-base font-semibold">Add a channel</h2>
          <ChannelForm />
        </section>
      </div>
    </div>
  );
}

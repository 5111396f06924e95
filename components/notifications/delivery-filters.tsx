'use client';

import { useRouter } from 'next/navigation';
import { Select, type SelectOption } from '@/components/ui/select';

/** Status, channel and event filters of the delivery log: each choice reloads the page with it in the URL. */
export function DeliveryFilters({ values, channels, events }: {
  values: { status?: string; channelId?: string; event?: string };
  channels: SelectOption[];
  events: SelectOption[];
}) {
  const router = useRouter();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(Object.entries({ ...values, [key]: value === 'all' ? '' : value }).filter(([, v]) => v) as [string, string][]);
    router.push(`/channels/deliveries${next.size ? `?${next}` : ''}`);
  };
  const all = (label: string): SelectOption => ({ value: 'all', label });
  return (
    <div className="mb-4 grid gap-2 sm:grid-cols-3">
      <Select aria-label="Status" size="sm" value={values.status ?? 'all'} onValueChange={(v) => set('status', v)}
        options={[all('Any status'), ...['pending', 'retrying', 'sent', 'failed'].map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))]} />
      <Select aria-label="Channel" size="sm" value={values.channelId ?? 'all'} onValueChange={(v) => set('channelId', v)} options={[all('Any channel'), ...channels]} />
      <Select aria-label="Event" size="sm" value={values.event ?? 'all'} onValueChange={(v) => set('event', v)} options={[all('Any event'), ...events]} />
    </div>
  );
}

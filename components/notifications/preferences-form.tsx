'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { notify } from '@/components/ui/toast';
import { channelLabel, eventLabel } from '@/lib/notifications/event-labels';
import type { Preference } from '@/lib/notifications/schemas';
import { apiCall } from './api-call';

const channels = ['in_app', 'email', 'slack', 'webhook'] as const;

/** Events down, channels across: one checkbox per pair; Save sends only what changed. */
export function PreferencesForm({ initial }: { initial: Preference[] }) {
  const [saved, setSaved] = useState(initial);
  const [current, setCurrent] = useState(initial);
  const [pending, start] = useTransition();
  const events = [...new Set(initial.map((p) => p.event))];
  const isOn = (list: Preference[], event: string, channel: string) => list.find((p) => p.event === event && p.channel === channel)?.enabled ?? true;
  const changed = current.filter((p) => p.enabled !== isOn(saved, p.event, p.channel));
  const toggle = (event: string, channel: string) =>
    setCurrent((list) => list.map((p) => (p.event === event && p.channel === channel ? { ...p, enabled: !p.enabled } : p)));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await apiCall<Preference[]>('PUT', '/api/notifications/preferences', { preferences: changed });
          if (result) {
            setSaved(result);
            setCurrent(result);
            notify({ title: 'Preferences saved', tone: 'success' });
          }
        });
      }}
    >
      <div className="overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full text-sm">
          <caption className="sr-only">Which events reach you on which channel</caption>
          <thead>
            <tr className="border-b border-border text-xs text-muted">
              <th scope="col" className="px-4 py-2.5 text-left font-medium">Event</th>
              {channels.map((c) => (
                <th key={c} scope="col" className="px-4 py-2.5 text-center font-medium">{channelLabel(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {events.map((event) => (
              <tr key={event}>
                <th scope="row" className="px-4 py-3 text-left font-normal">{eventLabel(event)}</th>
                {channels.map((channel) => (
                  <td key={channel} className="px-4 py-3 text-center">
                    <input
                      type="checkbox"
                      className="h-4 w-4 accent-[var(--color-primary)]"
                      aria-label={`${eventLabel(event)}: ${channelLabel(channel)}`}
                      checked={isOn(current, event, channel)}
                      onChange={() => toggle(event, channel)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex items-center justify-end gap-3">
        <span className="text-sm text-muted" aria-live="polite">{changed.length > 0 ? `${changed.length} unsaved change${changed.length === 1 ? '' : 's'}` : ''}</span>
        <Button type="submit" loading={pending} disabled={changed.length === 0}>Save preferences</Button>
      </div>
    </form>
  );
}

import type { RealtimeStatus } from '@/lib/realtime/use-realtime-channel';

const STATUS_TEXT: Record<RealtimeStatus, { label: string; description: string; dot: string }> = {
  subscribed: { label: 'Live', description: 'Live: changes appear as they happen', dot: 'bg-emerald-500' },
  connecting: { label: 'Connecting', description: 'Connecting to live updates', dot: 'bg-amber-400' },
  error: { label: 'Offline', description: 'Live updates unavailable: reload to see new changes', dot: 'bg-muted' },
  closed: { label: 'Offline', description: 'Live updates unavailable: reload to see new changes', dot: 'bg-muted' },
};

/** Whether a page's live updates are flowing: Live, Connecting or Offline, with a description for screen readers. */
export function LiveBadge({ status }: { status: RealtimeStatus }) {
  const text = STATUS_TEXT[status];
  return (
    <span
      role="status"
      aria-label={text.description}
      title={text.description}
      data-live-status={status}
      className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs text-muted"
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${text.dot}`} />
      {text.label}
    </span>
  );
}

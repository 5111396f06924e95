'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { useRealtimeChannel, type RealtimeStatus } from '@/lib/realtime/use-realtime-channel';
import { useRealtimeClient } from './realtime-provider';

/** Several changes in one burst (e.g. a role change and its audit entry) cause one refresh. */
const REFRESH_DEBOUNCE_MS = 250;

const STATUS_TEXT: Record<RealtimeStatus, { label: string; description: string; dot: string }> = {
  subscribed: { label: 'Live', description: 'Live: changes appear as they happen', dot: 'bg-emerald-500' },
  connecting: { label: 'Connecting', description: 'Connecting to live updates', dot: 'bg-amber-400' },
  error: { label: 'Offline', description: 'Live updates unavailable: reload to see new changes', dot: 'bg-muted' },
  closed: { label: 'Offline', description: 'Live updates unavailable: reload to see new changes', dot: 'bg-muted' },
};

/**
 * Keeps a server-rendered page current: subscribes to the private Realtime topic (inside a
 * RealtimeProvider) and re-renders the page from the server (router.refresh(), through RLS)
 * after any broadcast on it. Messages carry ids only; the data always comes from the page.
 * When Realtime is down the page keeps working and the badge says so; realtime-js keeps
 * retrying in the background.
 */
export function LiveRefresh({ topic }: { topic: string }) {
  const client = useRealtimeClient();
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const onMessage = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, REFRESH_DEBOUNCE_MS);
  }, [router]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const status = useRealtimeChannel(client, topic, onMessage);
  // No client yet: supabase-js is still loading (see RealtimeProvider).
  const shown: RealtimeStatus = client ? status : 'connecting';
  const text = STATUS_TEXT[shown];
  return (
    <span
      role="status"
      aria-label={text.description}
      title={text.description}
      data-live-status={shown}
      className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs text-muted"
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${text.dot}`} />
      {text.label}
    </span>
  );
}

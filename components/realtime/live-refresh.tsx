'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { useRealtimeChannel, type RealtimeStatus } from '@/lib/realtime/use-realtime-channel';
import { LiveBadge } from './live-badge';
import { useRealtimeClient } from './realtime-provider';

/** Several changes in one burst (e.g. a role change and its audit entry) cause one refresh. */
const REFRESH_DEBOUNCE_MS = 250;

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
  return <LiveBadge status={shown} />;
}

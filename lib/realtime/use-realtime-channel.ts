'use client';

import type { SupabaseClient } from '@supabase/supabase-js';
import { useEffect, useRef, useState } from 'react';

export type RealtimeStatus = 'connecting' | 'subscribed' | 'error' | 'closed';
export interface BroadcastMessage {
  event: string;
  payload: Record<string, unknown>;
}

/**
 * Subscribes to a private broadcast topic (e.g. `org:<id>:members`) while the component is
 * mounted and calls `onMessage` for every broadcast. The token is fetched before joining
 * (Supabase: `await realtime.setAuth()` before private channels); realtime-js then refreshes
 * it on each heartbeat and rejoins by itself after a lost connection.
 */
export function useRealtimeChannel(
  client: SupabaseClient | null,
  topic: string | null,
  onMessage: (message: BroadcastMessage) => void,
): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  }, [onMessage]);

  useEffect(() => {
    if (!client || !topic) return;
    let cancelled = false;
    let channel: ReturnType<SupabaseClient['channel']> | null = null;
    void client.realtime.setAuth().then(() => {
      if (cancelled) return;
      channel = client
        .channel(topic, { config: { private: true } })
        .on('broadcast', { event: '*' }, (message) => handler.current({ event: String(message.event), payload: message.payload ?? {} }))
        .subscribe((state) => {
          if (cancelled) return;
          setStatus(state === 'SUBSCRIBED' ? 'subscribed' : state === 'CLOSED' ? 'closed' : 'error');
        });
    }).catch(() => {
      // No token (route down): show it; the page keeps working without live updates.
      if (!cancelled) setStatus('error');
    });
    return () => {
      cancelled = true;
      if (channel) void client.removeChannel(channel);
    };
  }, [client, topic]);

  return status;
}

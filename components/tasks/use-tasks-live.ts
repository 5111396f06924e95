'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { useRealtimeClient } from '@/components/realtime/realtime-provider';
import { useRealtimeChannel, type RealtimeStatus } from '@/lib/realtime/use-realtime-channel';
import { taskKeys } from './task-api';

/** Changes that arrive together (a bulk edit, several moves) cause one refetch; short, since every move waits for it. */
const DEBOUNCE_MS = 40;

/**
 * Keeps every task view current: on each broadcast on `org:<id>:tasks` (sent by the
 * database at commit, ids only) the board and open task queries refetch through the API,
 * and with `refreshPage` the server-rendered page (the list) re-renders too.
 */
export function useTasksLive(orgId: string, { refreshPage = false } = {}): RealtimeStatus {
  const client = useRealtimeClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onMessage = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      if (refreshPage) router.refresh();
    }, DEBOUNCE_MS);
  }, [queryClient, router, refreshPage]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const status = useRealtimeChannel(client, `org:${orgId}:tasks`, onMessage);
  return client ? status : 'connecting';
}

'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useRealtimeClient } from '@/components/realtime/realtime-provider';
import type { Notification } from '@/lib/notifications/schemas';
import { useRealtimeChannel } from '@/lib/realtime/use-realtime-channel';

export interface NotificationFeed {
  data: Notification[];
  unreadCount: number;
}

const key = (orgId: string) => ['notifications', orgId] as const;

/** The newest notifications and the unread count (kept current by NotificationLiveSync). */
export function useNotificationFeed(orgId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: key(orgId),
    queryFn: async (): Promise<NotificationFeed> => {
      const response = await fetch('/api/notifications?limit=8', { cache: 'no-store' });
      if (!response.ok) throw new Error(`notifications: ${response.status}`);
      return (await response.json()) as NotificationFeed;
    },
    staleTime: 30_000,
  });
  const markRead = useCallback(
    async (body: { ids: string[] } | { all: true }) => {
      await fetch('/api/notifications/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await queryClient.invalidateQueries({ queryKey: key(orgId) });
    },
    [queryClient, orgId],
  );
  return { ...query, markRead };
}

/**
 * The one subscription to the user's private topic org:<org>:user:<uid>:notifications (mounted
 * once by the shell): any change refetches the bell, and re-renders /notifications when open.
 */
export function useNotificationLiveSync(orgId: string, userId: string, onChange?: () => void) {
  const queryClient = useQueryClient();
  const onMessage = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: key(orgId) });
    onChange?.();
  }, [queryClient, orgId, onChange]);
  return useRealtimeChannel(useRealtimeClient(), `org:${orgId}:user:${userId}:notifications`, onMessage);
}

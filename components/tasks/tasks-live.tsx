'use client';

import { LiveBadge } from '@/components/realtime/live-badge';
import { useTasksLive } from './use-tasks-live';

/** The live subscription of a task page with its badge (the list also re-renders from the server). */
export function TasksLive({ orgId, refreshPage = false }: { orgId: string; refreshPage?: boolean }) {
  return <LiveBadge status={useTasksLive(orgId, { refreshPage })} />;
}

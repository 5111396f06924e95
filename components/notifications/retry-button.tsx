'use client';

import { RotateCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { notify } from '@/components/ui/toast';
import { apiCall } from './api-call';

/** "Retry now" on a delivery that has not been sent: queues a new attempt, then refreshes the log a moment later. */
export function RetryButton({ id }: { id: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={pending}
      onClick={() => start(async () => {
        if (!(await apiCall('POST', '/api/notifications/deliveries/retry', { id }))) return;
        notify({ title: 'Retry queued', tone: 'success' });
        router.refresh();
        setTimeout(() => router.refresh(), 2000);
      })}
    >
      <RotateCw aria-hidden className="h-4 w-4" />
      <span className="whitespace-nowrap">Retry now</span>
    </Button>
  );
}

'use client';

import { Check, CheckCheck } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { apiCall } from './api-call';

/** "Mark all read" on /notifications. */
export function MarkAllReadButton({ disabled }: { disabled?: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={disabled}
      loading={pending}
      onClick={() => start(async () => {
        if (await apiCall('POST', '/api/notifications/read', { all: true })) router.refresh();
      })}
    >
      <CheckCheck aria-hidden className="h-4 w-4" />
      Mark all read
    </Button>
  );
}

/** Marks one notification read. */
export function MarkReadButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={pending}
      aria-label={`Mark “${title}” read`}
      onClick={() => start(async () => {
        if (await apiCall('POST', '/api/notifications/read', { ids: [id] })) router.refresh();
      })}
    >
      <Check aria-hidden className="h-4 w-4" />
      <span className="max-sm:sr-only">Mark read</span>
    </Button>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { notify } from '@/components/ui/toast';
import { apiCall } from './api-call';

/** Per channel: send a test, turn on/off, remove. */
export function ChannelActions({ id, name, enabled }: { id: string; name: string; enabled: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<void>) => start(fn);
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => run(async () => {
          const result = await apiCall<{ ok: boolean; responseCode: number | null; error: string | null }>('POST', '/api/notifications/channels/test', { id });
          if (!result) return;
          notify(result.ok
            ? { title: `Test sent through ${name}`, description: result.responseCode ? `The endpoint answered ${result.responseCode}.` : undefined, tone: 'success' }
            : { title: `The test through ${name} failed`, description: result.error ?? undefined, tone: 'error' });
        })}
      >
        Send test
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => run(async () => {
          if (await apiCall('PATCH', '/api/notifications/channels', { id, enabled: !enabled })) router.refresh();
        })}
      >
        {enabled ? 'Turn off' : 'Turn on'}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={`Remove ${name}`}
        onClick={() => run(async () => {
          if (!window.confirm(`Remove the channel “${name}”? Its delivery history goes with it.`)) return;
          if (await apiCall('DELETE', '/api/notifications/channels', { id })) router.refresh();
        })}
      >
        Remove
      </Button>
    </div>
  );
}

'use client';

import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Field } from '@/components/forms/form-field';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { notify } from '@/components/ui/toast';
import { apiCall } from './api-call';

type Kind = 'email' | 'slack' | 'webhook';
const kinds = [
  { value: 'email', label: 'Email', description: 'To each recipient’s address' },
  { value: 'slack', label: 'Slack', description: 'An incoming webhook URL' },
  { value: 'webhook', label: 'Webhook', description: 'Your HTTPS endpoint, signed with a secret' },
];

/** Adds a channel. Secrets (the Slack URL, the webhook secret) are sent once and never shown again. */
export function ChannelForm() {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>('webhook');
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  return (
    <form
      className="grid gap-4 rounded-lg border border-border bg-surface p-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
        const body = { kind, name: data.name, ...(kind === 'slack' ? { webhookUrl: data.webhookUrl } : {}), ...(kind === 'webhook' ? { url: data.url, secret: data.secret } : {}) };
        start(async () => {
          setError(null);
          const response = await fetch('/api/notifications/channels', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          const json = (await response.json()) as { error?: { message: string; details?: { field?: string; fields?: Record<string, string> } } };
          if (!response.ok) {
            setError({ field: json.error?.details?.field, message: json.error?.message ?? 'The channel was not added.' });
            return;
          }
          form.reset();
          notify({ title: 'Channel added', tone: 'success' });
          router.refresh();
        });
      }}
    >
      <Field id="channel-kind" label="Kind">
        {(control) => <Select {...control} options={kinds} value={kind} onValueChange={(v) => setKind(v as Kind)} />}
      </Field>
      <Field id="channel-name" label="Name" error={error?.field === 'name' ? error.message : undefined}>
        {(control) => <Input {...control} name="name" required maxLength={80} placeholder="Ops alerts" />}
      </Field>
      {kind === 'slack' ? (
        <Field id="channel-slack-url" label="Slack incoming webhook URL" className="sm:col-span-2" error={error?.field === 'webhookUrl' ? error.message : undefined} hint="Stored encrypted; it is not shown again after saving.">
          {(control) => <Input {...control} name="webhookUrl" type="url" required placeholder="https://hooks.slack.com/services/…" autoComplete="off" />}
        </Field>
      ) : null}
      {kind === 'webhook' ? (
        <>
          <Field id="channel-url" label="Endpoint URL" error={error?.field === 'url' ? error.message : undefined} hint="HTTPS only; we never follow redirects.">
            {(control) => <Input {...control} name="url" type="url" required placeholder="https://example.com/hooks/tenantforge" />}
          </Field>
          <Field id="channel-secret" label="Signing secret" error={error?.field === 'secret' ? error.message : undefined} hint="16+ characters. Requests carry Tenantforge-Signature: t=…,v1=HMAC-SHA256.">
            {(control) => <Input {...control} name="secret" type="password" required minLength={16} maxLength={200} autoComplete="new-password" />}
          </Field>
        </>
      ) : null}
      {error && !['name', 'webhookUrl', 'url', 'secret'].includes(error.field ?? '') ? (
        <p role="alert" className="text-sm text-danger sm:col-span-2">{error.message}</p>
      ) : null}
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" loading={pending}><Plus aria-hidden className="h-4 w-4" />Add channel</Button>
      </div>
    </form>
  );
}

'use client';

import { PanelRight } from 'lucide-react';
import { Sheet, SheetContent, SheetTrigger } from '@/components/ui/sheet';
import { formatAbsoluteTime } from '@/components/ui/relative-time-format';
import { personLabel } from '@/lib/audit/describe';
import type { AuditFeedItem } from '@/lib/audit/queries';
import { ActorAvatar } from './actor-avatar';
import { subjectOf } from './subject';
import { AuditSentence } from './audit-sentence';

/**
 * "Details" on an audit entry: a side sheet (Radix dialog: focus trapped, Escape
 * closes) with everything the entry holds, raw: action key, ids, request id, ip,
 * user agent and the before/after JSON, for whoever investigates.
 */
export function AuditDetails({ item }: { item: AuditFeedItem }) {
  return (
    <Sheet>
      <SheetTrigger className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2 text-xs font-medium text-muted hover:bg-accent hover:text-foreground">
        <PanelRight aria-hidden className="h-4 w-4" />
        <span className="max-sm:sr-only">Details</span>
      </SheetTrigger>
      <SheetContent title="Entry details" description={formatAbsoluteTime(new Date(item.createdAt))}>
          <div className="space-y-6">
            <div className="flex gap-3">
              <ActorAvatar actor={subjectOf(item)} />
              <AuditSentence sentence={item.sentence} className="text-[15px]" />
            </div>
            <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2.5 text-sm">
              <Field label="Action"><code className="font-mono text-xs">{item.action}</code></Field>
              <Field label="Actor">
                {item.actor ? (
                  <>
                    {personLabel(item.actor)}
                    {item.actor.email && item.actor.name ? <span className="text-muted"> · {item.actor.email}</span> : null}
                    <Mono>{item.actor.id}</Mono>
                  </>
                ) : 'System (no signed-in user)'}
              </Field>
              <Field label="Target">
                {item.targetType ?? '—'}
                {item.targetId ? <Mono>{item.targetId}</Mono> : null}
              </Field>
              <Field label="Request id">{item.requestId ? <Mono>{item.requestId}</Mono> : '—'}</Field>
              <Field label="IP address">{item.ip ?? '—'}</Field>
              <Field label="User agent"><span className="text-xs">{item.userAgent ?? '—'}</span></Field>
              <Field label="Entry id"><Mono>{item.id}</Mono></Field>
            </dl>
            <Json label="Before" value={item.before} />
            <Json label="After" value={item.after} />
          </div>
      </SheetContent>
    </Sheet>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </>
  );
}

const Mono = ({ children }: { children: React.ReactNode }) => <span className="block font-mono text-xs text-muted">{children}</span>;

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <section aria-label={label}>
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted">{label}</h3>
      {value ? (
        <pre className="overflow-x-auto rounded-md border border-border bg-background p-3 font-mono text-xs leading-5">{JSON.stringify(value, null, 2)}</pre>
      ) : (
        <p className="text-sm text-muted">Nothing recorded.</p>
      )}
    </section>
  );
}

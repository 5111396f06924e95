'use client';

import { FilterX } from 'lucide-react';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { DatePicker } from '@/components/ui/date-picker';
import { Label } from '@/components/ui/label';
import { Select, type SelectOption } from '@/components/ui/select';
import { auditActions } from '@/lib/audit/catalog';
import { cn } from '@/lib/cn';

export interface AuditFilterValues {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Radix select items cannot have an empty value: this one stands for "no filter". */
const ANY = 'any';
const actionOptions: SelectOption[] = [{ value: ANY, label: 'Any action' }, ...auditActions.map((a) => ({ value: a.value, label: a.label }))];

/**
 * The audit log's filter bar: who, what, and a date range. A choice applies at once
 * (the URL's query, so a filtered view can be shared) and starts from the newest
 * entry again; the entries below dim while the new page loads.
 */
export function AuditFilters({
  values,
  actors,
  children,
}: {
  values: AuditFilterValues;
  actors: SelectOption[];
  children: React.ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const active = Object.values(values).some(Boolean);

  const apply = (patch: AuditFilterValues) => {
    const next = { ...values, ...patch };
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value && value !== ANY) query.set(key, value);
    const search = query.toString();
    startTransition(() => router.push(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  return (
    <div className="space-y-4">
      <div
        role="group"
        aria-label="Filter the audit log"
        className="grid grid-cols-2 gap-3 rounded-lg border border-border bg-surface p-3 sm:p-4 lg:grid-cols-[1fr_1fr_0.8fr_0.8fr_auto]"
      >
        <div className="space-y-1.5">
          <Label htmlFor="audit-actor">Actor</Label>
          <Select id="audit-actor" options={[{ value: ANY, label: 'Anyone' }, ...actors]} value={values.actor ?? ANY} onValueChange={(v) => apply({ actor: v })} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="audit-action">Action</Label>
          <Select id="audit-action" options={actionOptions} value={values.action ?? ANY} onValueChange={(v) => apply({ action: v })} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="audit-from">From</Label>
          <DatePicker id="audit-from" placeholder="Any date" value={values.from ?? ''} max={values.to} onValueChange={(v) => apply({ from: v })} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="audit-to">To</Label>
          <DatePicker id="audit-to" placeholder="Any date" value={values.to ?? ''} min={values.from} onValueChange={(v) => apply({ to: v })} />
        </div>
        <div className="col-span-2 flex items-end lg:col-span-1">
          <Button
            type="button"
            variant="ghost"
            className="w-full lg:w-auto"
            disabled={!active}
            onClick={() => apply({ actor: undefined, action: undefined, from: undefined, to: undefined })}
          >
            <FilterX aria-hidden className="h-4 w-4" />
            Clear
          </Button>
        </div>
      </div>
      <div aria-busy={pending || undefined} className={cn('transition-opacity', pending && 'pointer-events-none opacity-60')}>
        {children}
      </div>
    </div>
  );
}

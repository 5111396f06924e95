'use client';

import { Search } from 'lucide-react';
import Link from 'next/link';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { taskPriorities } from '@/lib/tasks/schemas';
import { taskStatuses, taskStatusLabels } from '@/lib/tasks/transitions';
import type { MemberOption } from './task-fields';
import { priorityLabels } from './task-meta';

export interface TaskFilterValues {
  status?: string;
  assignee?: string;
  priority?: string;
  due?: string;
  label?: string;
  search?: string;
}

const ALL = 'all';
const dueOptions = [
  { value: 'overdue', label: 'Overdue' },
  { value: 'today', label: 'Due today' },
  { value: 'week', label: 'Due in 7 days' },
  { value: 'none', label: 'No due date' },
];

/**
 * The list's filters as a GET form (the URL holds them, and it works without JavaScript);
 * with JavaScript a changed select applies at once. "All" means no filter.
 */
export function TaskFilters({ values, members, labels }: { values: TaskFilterValues; members: MemberOption[]; labels: string[] }) {
  const form = useRef<HTMLFormElement>(null);
  const apply = () => requestAnimationFrame(() => form.current?.requestSubmit());
  const select = (name: keyof TaskFilterValues, label: string, options: { value: string; label: string }[]) => (
    <div className="flex min-w-36 flex-col gap-1">
      <label htmlFor={`filter-${name}`} className="text-xs font-medium text-muted">{label}</label>
      <Select id={`filter-${name}`} name={name} size="sm" defaultValue={values[name] ?? ALL} onValueChange={apply}
        options={[{ value: ALL, label: 'All' }, ...options]} />
    </div>
  );
  const filtered = Object.values(values).some(Boolean);
  return (
    <form ref={form} role="search" action="" className="flex flex-wrap items-end gap-3" aria-label="Filter tasks">
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor="filter-search" className="text-xs font-medium text-muted">Title</label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-muted" />
          <Input id="filter-search" name="search" type="search" placeholder="Search titles" defaultValue={values.search ?? ''} className="h-8 pl-9" maxLength={100} />
        </div>
      </div>
      {select('status', 'Status', taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] })))}
      {select('assignee', 'Assignee', [{ value: 'none', label: 'Unassigned' }, ...members.map((m) => ({ value: m.id, label: m.label }))])}
      {select('priority', 'Priority', taskPriorities.map((p) => ({ value: p, label: priorityLabels[p] })))}
      {select('due', 'Due', dueOptions)}
      {labels.length > 0 ? select('label', 'Label', labels.map((l) => ({ value: l, label: l }))) : null}
      <Button type="submit" size="sm" variant="secondary">Apply</Button>
      {filtered ? <Link href="?" className="pb-1.5 text-sm font-medium text-primary hover:underline">Clear filters</Link> : null}
    </form>
  );
}

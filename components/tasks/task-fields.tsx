'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DatePicker } from '@/components/ui/date-picker';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { taskPriorities } from '@/lib/tasks/schemas';
import { taskStatusLabels, taskTransitions } from '@/lib/tasks/transitions';
import type { Task } from '@/lib/tasks/types';
import { priorityLabels } from './task-meta';
import { useMoveTask } from './use-move-task';
import { useUpdateTask } from './use-update-task';

export interface MemberOption {
  id: string;
  label: string;
}

/** A task's editable fields: title, status (only the moves the state machine allows), priority, assignee, due date, labels, description. */
export function TaskFields({ task, members, canUpdate, canAssign }: { task: Task; members: MemberOption[]; canUpdate: boolean; canAssign: boolean }) {
  const update = useUpdateTask(task.id);
  const move = useMoveTask();
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  const [labels, setLabels] = useState(task.labels.join(', '));
  const saveTitle = () => {
    const next = title.trim();
    if (next && next !== task.title) update.mutate({ title: next });
    else setTitle(task.title);
  };
  const saveLabels = () => {
    const next = labels.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
    if (next.join(',') !== task.labels.join(',')) update.mutate({ labels: next });
  };
  const assignees = [{ value: 'none', label: 'Unassigned' }, ...members.map((m) => ({ value: m.id, label: m.label }))];
  if (task.assignee && !members.some((m) => m.id === task.assignee!.id)) assignees.push({ value: task.assignee.id, label: task.assignee.name || task.assignee.email });

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="task-title">Title</Label>
        <Input id="task-title" value={title} maxLength={200} disabled={!canUpdate} onChange={(e) => setTitle(e.target.value)} onBlur={saveTitle}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); saveTitle(); } }} />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="task-status">Status</Label>
          <Select id="task-status" size="sm" value={task.status} disabled={!canUpdate}
            options={[task.status, ...taskTransitions[task.status]].map((s) => ({ value: s, label: taskStatusLabels[s] }))}
            onValueChange={(to) => { if (to !== task.status) move.mutate({ taskId: task.id, to: to as Task['status'], afterId: null }); }} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="task-priority">Priority</Label>
          <Select id="task-priority" size="sm" value={task.priority} disabled={!canUpdate}
            options={taskPriorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
            onValueChange={(priority) => update.mutate({ priority: priority as Task['priority'] })} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="task-assignee">Assignee</Label>
          <Select id="task-assignee" size="sm" value={task.assignee?.id ?? 'none'} disabled={!canUpdate || !canAssign} options={assignees}
            onValueChange={(id) => update.mutate({ assigneeId: id === 'none' ? null : id })} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="task-due">Due date</Label>
          <DatePicker id="task-due" value={task.dueOn ?? ''} clearable disabled={!canUpdate} placeholder="No due date"
            onValueChange={(dueOn) => update.mutate({ dueOn: dueOn || null })} />
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="task-labels">Labels</Label>
        <Input id="task-labels" value={labels} disabled={!canUpdate} placeholder="e.g. intake, forms" aria-describedby="task-labels-hint"
          onChange={(e) => setLabels(e.target.value)} onBlur={saveLabels} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); saveLabels(); } }} />
        <p id="task-labels-hint" className="text-xs text-muted">Separate labels with commas (up to 10).</p>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="task-description">Description</Label>
        <textarea id="task-description" value={description} disabled={!canUpdate} rows={5} maxLength={10_000} placeholder="Add details…"
          onChange={(e) => setDescription(e.target.value)}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary disabled:opacity-60" />
        {description !== task.description ? (
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="secondary" onClick={() => setDescription(task.description)}>Discard</Button>
            <Button size="sm" loading={update.isPending} onClick={() => update.mutate({ description })}>Save description</Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { DatePicker } from '@/components/ui/date-picker';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { notify } from '@/components/ui/toast';
import { ApiClientError } from '@/lib/http/api-client';
import { taskPriorities, type TaskPriority } from '@/lib/tasks/schemas';
import { taskKeys, tasksApi } from './task-api';
import type { MemberOption } from './task-fields';
import { priorityLabels } from './task-meta';

/** "New task": title (required), description, priority, assignee, due date and labels; the task lands in To do. */
export function NewTaskDialog({ members, canAssign }: { members: MemberOption[]; canAssign: boolean }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<{ field?: string; message?: string }>({});
  const queryClient = useQueryClient();
  const router = useRouter();
  const fieldError = (name: string) => (errors.field === name ? errors.message : undefined);

  async function submit(form: FormData) {
    setPending(true);
    const text = (name: string) => String(form.get(name) ?? '');
    const assignee = text('assigneeId');
    try {
      const task = await tasksApi.create({
        title: text('title'),
        description: text('description'),
        priority: text('priority') as TaskPriority,
        ...(canAssign && assignee && assignee !== 'none' ? { assigneeId: assignee } : {}),
        dueOn: text('dueOn') || null,
        labels: text('labels').split(',').map((l) => l.trim()).filter(Boolean),
      });
      setOpen(false);
      setErrors({});
      notify({ title: 'Task created', description: task.title, tone: 'success' });
      await queryClient.invalidateQueries({ queryKey: taskKeys.all });
      router.refresh();
    } catch (e) {
      const details = e instanceof ApiClientError ? (e.details as { field?: string } | undefined) : undefined;
      const field = details?.field;
      setErrors({ field, message: field ? (e as Error).message.replace(/^[a-zA-Z]+: /, '') : (e as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => { setOpen(next); if (!next) setErrors({}); }}>
      <DialogTrigger asChild>
        <Button><Plus aria-hidden className="h-4 w-4" />New task</Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogTitle>New task</DialogTitle>
        <DialogDescription>It starts in To do. Everyone in the workspace sees it.</DialogDescription>
        {/* onSubmit, not action: a refused create keeps everything typed (React resets forms after actions). */}
        <form onSubmit={(e) => { e.preventDefault(); void submit(new FormData(e.currentTarget)); }} className="mt-4 space-y-4" noValidate>
          <Field id="new-task-title" label="Title" error={fieldError('title')}>
            {(c) => <Input {...c} name="title" required maxLength={200} autoFocus placeholder="What needs doing?" />}
          </Field>
          <Field id="new-task-description" label="Description" error={fieldError('description')}>
            {(c) => <textarea {...c} name="description" rows={3} maxLength={10_000} className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary" />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="new-task-priority" label="Priority">
              {(c) => <Select {...c} name="priority" defaultValue="medium" options={taskPriorities.map((p) => ({ value: p, label: priorityLabels[p] }))} />}
            </Field>
            {canAssign ? (
              <Field id="new-task-assignee" label="Assignee" error={fieldError('assigneeId')}>
                {(c) => <Select {...c} name="assigneeId" defaultValue="none" options={[{ value: 'none', label: 'Unassigned' }, ...members.map((m) => ({ value: m.id, label: m.label }))]} />}
              </Field>
            ) : null}
            <Field id="new-task-due" label="Due date" error={fieldError('dueOn')}>
              {(c) => <DatePicker {...c} name="dueOn" clearable placeholder="No due date" />}
            </Field>
            <Field id="new-task-labels" label="Labels" error={fieldError('labels')} hint="Comma separated">
              {(c) => <Input {...c} name="labels" placeholder="intake, forms" />}
            </Field>
          </div>
          <FormMessage message={errors.field ? undefined : errors.message} />
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" loading={pending}>Create task</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

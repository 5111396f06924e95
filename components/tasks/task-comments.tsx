'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import type { TaskComment } from '@/lib/tasks/types';
import { taskKeys, tasksApi } from './task-api';
import { personName } from './task-meta';

/** A task's comments, oldest first, and the form to add one (Ctrl/Cmd+Enter sends). */
export function TaskComments({ taskId, comments, canComment }: { taskId: string; comments: TaskComment[]; canComment: boolean }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (text: string) => tasksApi.comment(taskId, text),
    onSuccess: () => {
      setBody('');
      setError(null);
    },
    onError: (e) => setError(e.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
  const submit = () => {
    if (body.trim() && !send.isPending) send.mutate(body);
  };
  return (
    <section aria-labelledby="task-comments-heading" className="space-y-3">
      <h3 id="task-comments-heading" className="text-sm font-semibold">Comments</h3>
      {comments.length === 0 ? <p className="text-sm text-muted">No comments yet.</p> : null}
      <ol className="space-y-3">
        {comments.map((c) => (
          <li key={c.id} className="flex gap-2.5" data-comment>
            <Avatar id={c.author?.id ?? c.id} name={personName(c.author)} size="sm" />
            <div className="min-w-0 flex-1">
              <p className="text-xs text-muted">
                <span className="font-medium text-foreground">{personName(c.author)}</span> · <RelativeTime date={c.createdAt} />
              </p>
              <p className="mt-0.5 whitespace-pre-wrap text-sm [overflow-wrap:anywhere]">{c.body}</p>
            </div>
          </li>
        ))}
      </ol>
      {canComment ? (
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} className="space-y-2">
          <label htmlFor="task-comment" className="sr-only">Add a comment</label>
          <textarea id="task-comment" value={body} rows={3} maxLength={5000} placeholder="Write a comment…"
            aria-invalid={error ? true : undefined} aria-describedby={error ? 'task-comment-error' : undefined}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) { e.preventDefault(); submit(); } }}
            className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary" />
          {error ? <p id="task-comment-error" className="text-sm text-danger">{error}</p> : null}
          <div className="flex items-center justify-end gap-3">
            <span className="text-xs text-muted max-sm:hidden">Ctrl+Enter to send</span>
            <Button type="submit" size="sm" loading={send.isPending} disabled={!body.trim()}>Comment</Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

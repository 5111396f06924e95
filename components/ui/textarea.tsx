import * as React from 'react';
import { cn } from '@/lib/cn';

/** A multi-line text field, styled like Input. */
export function Textarea({ className, invalid, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return (
    <textarea
      aria-invalid={invalid || undefined}
      className={cn(
        'w-full rounded-md border border-border bg-surface px-3 py-2 text-sm text-foreground',
        'placeholder:text-muted focus-visible:outline-2 focus-visible:outline-ring',
        'disabled:cursor-not-allowed disabled:opacity-50',
        invalid && 'border-danger',
        className,
      )}
      {...props}
    />
  );
}

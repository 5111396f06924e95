import { cn } from '@/lib/cn';

/** A form-level message: an error (role=alert) or a confirmation (role=status). */
export function FormMessage({ message, ok }: { message?: string; ok?: boolean }) {
  if (!message) return null;
  return (
    <p
      role={ok ? 'status' : 'alert'}
      className={cn(
        'rounded-md border px-3 py-2 text-sm',
        ok ? 'border-success/40 bg-success/10 text-foreground' : 'border-danger/40 bg-danger/10 text-foreground',
      )}
    >
      {message}
    </p>
  );
}

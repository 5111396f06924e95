import { cn } from '@/lib/cn';

const tones = {
  neutral: 'border-border bg-accent text-foreground',
  primary: 'border-primary/30 bg-primary/10 text-primary',
  success: 'border-success/30 bg-success/10 text-success',
  // Light: a darker red than the token, so the text keeps 4.5:1 on its tinted background.
  danger: 'border-danger/30 bg-danger/10 text-red-700 dark:text-danger',
  outline: 'border-border text-muted',
} as const;

export type BadgeTone = keyof typeof tones;

/** A short label (a role, a status). Text carries the meaning; the tone only reinforces it. */
export function Badge({ tone = 'neutral', className, children }: { tone?: BadgeTone; className?: string; children: React.ReactNode }) {
  return (
    <span className={cn('inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium', tones[tone], className)}>
      {children}
    </span>
  );
}

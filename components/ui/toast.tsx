'use client';

import { CircleAlert, CircleCheck, Info } from 'lucide-react';
import { useTheme } from 'next-themes';
import { Toaster as Sonner, toast } from 'sonner';

export type ToastTone = 'default' | 'success' | 'error';

/** Sonner's own styles are not in a Tailwind layer: its colours are set through its CSS variables. */
const themed = {
  '--normal-bg': 'rgb(var(--surface))',
  '--normal-border': 'rgb(var(--border))',
  '--normal-text': 'rgb(var(--foreground))',
  '--border-radius': '0.5rem',
} as React.CSSProperties;

/**
 * The one toast region (sonner), mounted once in app/providers.tsx, following the
 * light/dark theme. Announced politely to screen readers; Alt+T focuses it.
 */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === 'dark' ? 'dark' : 'light'}
      position="bottom-right"
      closeButton
      style={themed}
      icons={{
        success: <CircleCheck aria-hidden className="h-4 w-4 text-success" />,
        error: <CircleAlert aria-hidden className="h-4 w-4 text-danger" />,
        info: <Info aria-hidden className="h-4 w-4 text-primary" />,
      }}
      toastOptions={{ classNames: { description: '!text-muted' } }}
    />
  );
}

/**
 * The one way to show a toast, from any client component or event handler:
 * `notify({ title: 'Role changed.', tone: 'success' })`. Errors that belong to a
 * field go on the field (FormState.fieldErrors), not in a toast.
 */
export function notify({ title, description, tone = 'default' }: { title: string; description?: string; tone?: ToastTone }) {
  const options = description ? { description } : undefined;
  if (tone === 'success') return toast.success(title, options);
  if (tone === 'error') return toast.error(title, options);
  return toast(title, options);
}

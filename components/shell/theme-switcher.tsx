'use client';

import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import { useTheme } from 'next-themes';
import * as React from 'react';
import { cn } from '@/lib/cn';

const options: { value: string; label: string; icon: LucideIcon }[] = [
  { value: 'system', label: 'System', icon: Monitor },
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
];

/**
 * The one theme control of the app (in the footer, on the apex and on tenant
 * hosts): system / light / dark as a radio group of icon buttons, remembered in
 * localStorage by next-themes. Arrow keys move between the choices. Nothing is
 * checked until mounted, so the server's HTML matches the first client render.
 */
export function ThemeSwitcher({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  const [mounted, setMounted] = React.useState(false);
  React.useEffect(() => setMounted(true), []);
  const current = mounted ? (theme ?? 'system') : undefined;
  const refs = React.useRef<(HTMLButtonElement | null)[]>([]);

  const move = (from: number, by: number) => {
    const next = (from + by + options.length) % options.length;
    setTheme(options[next]!.value);
    refs.current[next]?.focus();
  };

  return (
    <div role="radiogroup" aria-label="Theme" className={cn('inline-flex items-center gap-0.5 rounded-full border border-border bg-surface p-0.5', className)}>
      {options.map((option, i) => {
        const checked = current === option.value;
        const Icon = option.icon;
        return (
          <button
            key={option.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={option.label}
            title={option.label}
            // Roving focus: one tab stop for the group (the checked choice, or the first before mount).
            tabIndex={checked || (current === undefined && i === 0) ? 0 : -1}
            onClick={() => setTheme(option.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowDown') move(i, 1);
              else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') move(i, -1);
              else return;
              event.preventDefault();
            }}
            className={cn(
              'grid h-7 w-7 place-items-center rounded-full text-muted transition-colors hover:text-foreground',
              checked && 'bg-accent text-foreground shadow-sm',
            )}
          >
            <Icon aria-hidden className="h-3.5 w-3.5" />
          </button>
        );
      })}
    </div>
  );
}

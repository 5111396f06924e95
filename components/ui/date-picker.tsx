'use client';

import * as Popover from '@radix-ui/react-popover';
import { format } from 'date-fns';
import { CalendarDays, X } from 'lucide-react';
import { useId, useState } from 'react';
import { DayPicker, getDefaultClassNames, type Matcher } from 'react-day-picker';
import 'react-day-picker/style.css';
import { cn } from '@/lib/cn';
import { parseIsoDate, toIsoDate } from './iso-date';


const rdp = getDefaultClassNames();
// react-day-picker's style.css is not in a Tailwind layer, so utilities that change one
// of its properties need `!`; colours and sizes go through its CSS variables instead.
const themed: React.CSSProperties = {
  ['--rdp-accent-color' as string]: 'rgb(var(--primary))',
  ['--rdp-accent-background-color' as string]: 'rgb(var(--accent))',
  ['--rdp-today-color' as string]: 'rgb(var(--primary))',
  ['--rdp-day-width' as string]: '2.375rem',
  ['--rdp-day-height' as string]: '2.375rem',
  ['--rdp-day_button-width' as string]: '2.25rem',
  ['--rdp-day_button-height' as string]: '2.25rem',
  ['--rdp-day_button-border-radius' as string]: '0.5rem',
  ['--rdp-selected-border' as string]: '2px solid transparent',
  ['--rdp-nav-height' as string]: '2.25rem',
  ['--rdp-nav_button-width' as string]: '2rem',
  ['--rdp-nav_button-height' as string]: '2rem',
};

/**
 * A date field: a button showing the chosen date ("Apr 29, 2026"), opening a calendar
 * in a popover. Posts `yyyy-MM-dd` (or nothing) under `name` from a hidden input.
 * Controlled (`value` + `onValueChange`) or not (`defaultValue`); `clearable` adds a
 * clear button. Keyboard: Enter opens, arrows move by day, PageUp/PageDown by month,
 * Enter picks, Escape closes. `min`/`max` (yyyy-MM-dd) bound the choice.
 */
export function DatePicker({
  id,
  name,
  value,
  defaultValue,
  onValueChange,
  placeholder = 'Pick a date',
  clearable = true,
  min,
  max,
  invalid,
  disabled,
  className,
  'aria-label': ariaLabel,
  'aria-describedby': ariaDescribedBy,
}: {
  id?: string;
  name?: string;
  /** yyyy-MM-dd, or '' for none (controlled). */
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  placeholder?: string;
  clearable?: boolean;
  min?: string;
  max?: string;
  invalid?: boolean;
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
}) {
  const [open, setOpen] = useState(false);
  const [own, setOwn] = useState(defaultValue ?? '');
  const current = value ?? own;
  const selected = parseIsoDate(current);
  const valueId = useId();
  const set = (next: string) => {
    if (value === undefined) setOwn(next);
    onValueChange?.(next);
  };
  const bounds: Matcher[] = [];
  const from = parseIsoDate(min);
  const to = parseIsoDate(max);
  if (from) bounds.push({ before: from });
  if (to) bounds.push({ after: to });

  return (
    <div className={cn('relative w-full', className)}>
      {name ? <input type="hidden" name={name} value={selected ? toIsoDate(selected) : ''} /> : null}
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger
          id={id}
          disabled={disabled}
          aria-label={ariaLabel}
          aria-invalid={invalid || undefined}
          aria-describedby={[valueId, ariaDescribedBy].filter(Boolean).join(' ')}
          className={cn(
            'flex h-10 w-full items-center gap-2 rounded-md border border-border bg-surface px-3 text-left text-sm text-foreground',
            'focus-visible:outline-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-50',
            invalid && 'border-danger',
            clearable && selected && 'pr-9',
          )}
        >
          <CalendarDays aria-hidden className="h-4 w-4 shrink-0 text-muted" />
          <span id={valueId} className={cn('truncate', !selected && 'text-muted')}>
            {selected ? format(selected, 'PP') : placeholder}
          </span>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="start"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 rounded-lg border border-border bg-surface p-3 text-foreground shadow-lg animate-fade-in"
          >
            <DayPicker
              mode="single"
              autoFocus
              selected={selected}
              defaultMonth={selected}
              disabled={bounds.length > 0 ? bounds : undefined}
              startMonth={from}
              endMonth={to}
              onSelect={(date) => {
                set(date ? toIsoDate(date) : '');
                setOpen(false);
              }}
              style={themed}
              classNames={{
                month_caption: cn(rdp.month_caption, '!text-sm !font-semibold px-1'),
                weekday: cn(rdp.weekday, '!text-xs text-muted'),
                day_button: cn(rdp.day_button, '!text-sm transition-colors hover:!bg-accent'),
                selected: cn(rdp.selected, '!text-sm [&>button]:!bg-primary [&>button]:!text-primary-foreground'),
                today: cn(rdp.today, 'font-semibold'),
                button_previous: cn(rdp.button_previous, 'rounded-md hover:!bg-accent'),
                button_next: cn(rdp.button_next, 'rounded-md hover:!bg-accent'),
              }}
            />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {clearable && selected && !disabled ? (
        <button
          type="button"
          aria-label="Clear date"
          onClick={() => set('')}
          className="absolute right-1.5 top-1/2 grid h-7 w-7 -translate-y-1/2 place-items-center rounded-md text-muted hover:bg-accent hover:text-foreground"
        >
          <X aria-hidden className="h-4 w-4" />
        </button>
      ) : null}
    </div>
  );
}

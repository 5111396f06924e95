'use client';

import * as SelectPrimitive from '@radix-ui/react-select';
import { Check, ChevronDown } from 'lucide-react';
import { cn } from '@/lib/cn';

export interface SelectOption {
  value: string;
  label: string;
  /** A second line in the list (e.g. what a role may do); not shown in the trigger. */
  description?: string;
  disabled?: boolean;
}

const sizes = { sm: 'h-8 px-2.5 text-sm', md: 'h-10 px-3 text-sm' } as const;

/**
 * A styled Radix select, looking like `Input`. Inside a `<form>` it posts its value
 * under `name` (Radix renders a hidden native select). Give it an `id` and point a
 * `<Label htmlFor>` at it, or pass `aria-label`. `invalid` + `aria-describedby` mark
 * an error the way `Input` does. Keyboard: focus, Space/Enter/arrows to open, type to jump.
 */
export function Select({
  options,
  id,
  name,
  value,
  defaultValue,
  onValueChange,
  placeholder = 'Choose…',
  invalid,
  disabled,
  required,
  size = 'md',
  className,
  contentClassName,
  'aria-label': ariaLabel,
  'aria-describedby': ariaDescribedBy,
}: {
  options: SelectOption[];
  id?: string;
  name?: string;
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  placeholder?: string;
  invalid?: boolean;
  disabled?: boolean;
  required?: boolean;
  size?: keyof typeof sizes;
  className?: string;
  contentClassName?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
}) {
  return (
    <SelectPrimitive.Root
      // Like an input's defaultValue: a new default (a failed submit echoing the choice)
      // is what the form's reset goes back to. Radix resets to the value it mounted with.
      key={value === undefined ? defaultValue : undefined}
      name={name}
      value={value}
      defaultValue={defaultValue}
      onValueChange={onValueChange}
      disabled={disabled}
      required={required}
    >
      <SelectPrimitive.Trigger
        id={id}
        aria-label={ariaLabel}
        aria-describedby={ariaDescribedBy}
        aria-invalid={invalid || undefined}
        className={cn(
          'flex w-full items-center justify-between gap-2 rounded-md border border-border bg-surface text-left text-foreground',
          'focus-visible:outline-2 focus-visible:outline-ring data-[placeholder]:text-muted',
          'disabled:cursor-not-allowed disabled:opacity-50',
          invalid && 'border-danger',
          sizes[size],
          className,
        )}
      >
        <span className="min-w-0 truncate">
          <SelectPrimitive.Value placeholder={placeholder} />
        </span>
        <SelectPrimitive.Icon asChild>
          <ChevronDown aria-hidden className="h-4 w-4 shrink-0 text-muted" />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={4}
          className={cn(
            'z-50 max-h-[var(--radix-select-content-available-height)] min-w-[var(--radix-select-trigger-width)]',
            'overflow-hidden rounded-md border border-border bg-surface text-foreground shadow-lg animate-fade-in',
            contentClassName,
          )}
        >
          <SelectPrimitive.Viewport className="p-1">
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                disabled={option.disabled}
                className={cn(
                  'relative flex cursor-pointer select-none flex-col rounded-sm py-1.5 pl-8 pr-3 text-sm outline-none',
                  'data-[highlighted]:bg-accent data-[disabled]:pointer-events-none data-[disabled]:opacity-50',
                )}
              >
                <SelectPrimitive.ItemIndicator className="absolute left-2 top-2">
                  <Check aria-hidden className="h-4 w-4 text-primary" />
                </SelectPrimitive.ItemIndicator>
                <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
                {option.description ? <span className="text-xs text-muted">{option.description}</span> : null}
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}

import { cn } from '@/lib/cn';
import { avatarColorOf, initialsOf } from './avatar-identity';

const sizes = { xs: 'h-5 w-5 text-[9px]', sm: 'h-7 w-7 text-[11px]', md: 'h-9 w-9 text-sm', lg: 'h-12 w-12 text-base' } as const;

/**
 * A person (or organization) as up to two initials on a colour that is stable for
 * the same `id`. Decorative by default; pass `label` when the avatar stands alone.
 */
export function Avatar({
  id,
  name,
  size = 'sm',
  label,
  className,
}: {
  /** Stable key for the colour (a user id or email). */
  id: string;
  /** What the initials come from: a display name or an email. */
  name: string;
  size?: keyof typeof sizes;
  label?: string;
  className?: string;
}) {
  const color = avatarColorOf(id);
  return (
    <span
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      className={cn('inline-grid shrink-0 select-none place-items-center rounded-full font-semibold text-white', sizes[size], className)}
      style={{ backgroundColor: color }}
    >
      {initialsOf(name)}
    </span>
  );
}

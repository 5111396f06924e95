import { Fragment } from 'react';
import { cn } from '@/lib/cn';

/**
 * An email address that wraps at its natural joints (after the "@", before a
 * dot) when it does not fit its line, and mid-part only as a last resort, so a
 * long address never stretches a card or a phone screen.
 */
export function EmailAddress({ email, className }: { email: string; className?: string }) {
  const parts = email.split(/(?<=@)|(?=\.)/);
  return (
    <span className={cn('[overflow-wrap:anywhere]', className)}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

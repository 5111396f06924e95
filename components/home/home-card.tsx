import Link from 'next/link';
import { ArrowRight } from 'lucide-react';
import { cn } from '@/lib/cn';

/** A titled card on the workspace home; a region named by its title, with an optional link at the top right. */
export function HomeCard({
  id,
  title,
  link,
  aside,
  className,
  children,
}: {
  id: string;
  title: string;
  link?: { href: string; label: string };
  aside?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={cn('rounded-lg border border-border bg-surface p-5', className)}>
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 id={`${id}-title`} className="font-semibold">{title}</h2>
        {aside}
        {link ? (
          <Link href={link.href} className="inline-flex items-center gap-1 text-sm font-medium text-primary hover:underline">
            {link.label}
            <ArrowRight aria-hidden className="h-3.5 w-3.5" />
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}

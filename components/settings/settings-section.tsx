import { cn } from '@/lib/cn';

/** One card of the settings page: a title, a sentence on what it does, then its form. */
export function SettingsSection({
  title,
  description,
  danger,
  children,
}: {
  title: string;
  description: React.ReactNode;
  danger?: boolean;
  children: React.ReactNode;
}) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className={cn('rounded-lg border bg-surface', danger ? 'border-danger/40' : 'border-border')}>
      <div className="border-b border-border px-5 py-4 sm:px-6">
        <h2 id={id} className={cn('text-base font-semibold', danger && 'text-danger')}>
          {title}
        </h2>
        <p className="mt-1 text-sm text-muted">{description}</p>
      </div>
      <div className="px-5 py-5 sm:px-6">{children}</div>
    </section>
  );
}

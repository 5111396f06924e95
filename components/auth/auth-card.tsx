/**
 * The centered card every auth page uses. `mark` (an organization's avatar on
 * its own host) sits above the title, and then the heading is centered too.
 */
export function AuthCard({
  title,
  description,
  children,
  footer,
  mark,
}: {
  title: string;
  description?: React.ReactNode;
  children?: React.ReactNode;
  footer?: React.ReactNode;
  mark?: React.ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-12 sm:py-16">
      <div className="rounded-lg border border-border bg-surface p-6 shadow-sm sm:p-8">
        <div className={mark ? 'text-center' : undefined}>
          {mark ? <div className="mb-4 flex justify-center">{mark}</div> : null}
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {description ? <div className="mt-2 text-sm text-muted">{description}</div> : null}
        </div>
        {children ? <div className="mt-6">{children}</div> : null}
      </div>
      {footer ? <div className="mt-6 text-center text-sm text-muted">{footer}</div> : null}
    </div>
  );
}

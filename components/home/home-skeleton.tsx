import { AuditFeedSkeleton } from '@/components/audit/audit-skeleton';

/** The home's cards while their data loads. */
export function HomeSkeleton() {
  const card = 'rounded-lg border border-border bg-surface p-5';
  const bar = 'animate-pulse rounded bg-accent';
  return (
    <div aria-busy="true" aria-label="Loading the overview" className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <div className={card}>
          <div className={`h-4 w-28 ${bar}`} />
          <AuditFeedSkeleton rows={5} card={false} />
        </div>
      </div>
      <div className="space-y-6">
        {[0, 1].map((i) => (
          <div key={i} className={card}>
            <div className={`h-4 w-20 ${bar}`} />
            <div className="mt-4 flex items-center gap-3">
              <div className="flex -space-x-2">
                {[0, 1, 2].map((j) => <span key={j} className="h-9 w-9 animate-pulse rounded-full bg-accent ring-2 ring-surface" />)}
              </div>
              <div className={`h-6 w-16 ${bar}`} />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

import { AuditFeedSkeleton } from '@/components/audit/audit-skeleton';

/** While the audit log loads: its header and filter bar's outline, and placeholder entries. */
export default function AuditLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the audit log">
      <div className="mb-8 space-y-2">
        <div className="h-7 w-40 animate-pulse rounded-md bg-accent" />
        <div className="h-4 w-full max-w-lg animate-pulse rounded-md bg-accent" />
      </div>
      <div className="mb-4 h-[4.75rem] animate-pulse rounded-lg border border-border bg-surface" />
      <AuditFeedSkeleton rows={8} />
    </div>
  );
}

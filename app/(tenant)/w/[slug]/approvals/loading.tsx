/** While the approvals inbox loads: header, tabs and placeholder rows. */
export default function ApprovalsLoading() {
  return (
    <div aria-busy="true" aria-label="Loading approvals">
      <div className="mb-8 space-y-2">
        <div className="h-7 w-40 animate-pulse rounded-md bg-accent" />
        <div className="h-4 w-full max-w-lg animate-pulse rounded-md bg-accent" />
      </div>
      <div className="mb-4 h-10 animate-pulse rounded-md bg-accent" />
      <div className="space-y-2">
        {Array.from({ length: 5 }, (_, i) => <div key={i} className="h-16 animate-pulse rounded-lg border border-border bg-surface" />)}
      </div>
    </div>
  );
}

/** Placeholder entries (avatar, a sentence, a time) while the log loads. */
export function AuditFeedSkeleton({ rows = 6, card = true }: { rows?: number; card?: boolean }) {
  return (
    <ul aria-hidden className={card ? 'divide-y divide-border rounded-lg border border-border bg-surface' : 'divide-y divide-border'}>
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className={card ? 'flex items-start gap-3 px-4 py-3.5 sm:px-5' : 'flex items-start gap-3 py-3'}>
          <span className="h-8 w-8 shrink-0 animate-pulse rounded-full bg-accent" />
          <span className="flex-1 space-y-2 pt-1">
            <span className="block h-3.5 animate-pulse rounded bg-accent" style={{ width: `${55 + ((i * 17) % 35)}%` }} />
            <span className="block h-3 w-24 animate-pulse rounded bg-accent" />
          </span>
        </li>
      ))}
    </ul>
  );
}

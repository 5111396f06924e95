import { formatDateTime } from '@/components/members/format';
import type { AuditEntry } from '@/lib/audit/queries';

/** "role: member → viewer" style summary of what changed. */
function describeChange(entry: AuditEntry): string {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'email');
  const parts = keys.map((k) => {
    const b = before[k];
    const a = after[k];
    if (b === undefined) return `${k}: ${String(a)}`;
    if (a === undefined) return `${k} was ${String(b)}`;
    return `${k}: ${String(b)} → ${String(a)}`;
  });
  const who = (after.email ?? before.email) as string | undefined;
  return [who, ...parts].filter(Boolean).join(' · ');
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-border text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">When</th>
            <th scope="col" className="px-4 py-3 font-medium">Actor</th>
            <th scope="col" className="px-4 py-3 font-medium">Action</th>
            <th scope="col" className="px-4 py-3 font-medium">Change</th>
            <th scope="col" className="px-4 py-3 font-medium">From</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-border align-top last:border-0">
              <td className="whitespace-nowrap px-4 py-3 text-muted">{formatDateTime(e.createdAt)}</td>
              <td className="px-4 py-3">{e.actorEmail ?? (e.actorId ? 'former member' : 'system')}</td>
              <td className="px-4 py-3 font-mono text-xs">{e.action}</td>
              <td className="px-4 py-3">{describeChange(e)}</td>
              <td className="px-4 py-3 text-xs text-muted" title={e.userAgent ?? undefined}>
                {e.ip ?? '—'}
                {e.requestId ? <div className="font-mono">req {e.requestId.slice(0, 8)}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

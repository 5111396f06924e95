import { Hourglass } from 'lucide-react';
import Link from 'next/link';

/** On the members page: role changes that wait for approval, each linking to its request. */
export function PendingRoleChanges({ requests }: { requests: { id: string; subject: string }[] }) {
  if (requests.length === 0) return null;
  return (
    <section aria-label="Role changes waiting for approval" className="mb-4 rounded-lg border border-primary/30 bg-primary/5 px-4 py-3 text-sm">
      <p className="mb-1 flex items-center gap-2 font-medium">
        <Hourglass aria-hidden className="h-4 w-4 text-primary" />
        Waiting for approval
      </p>
      <ul className="space-y-0.5">
        {requests.map((r) => (
          <li key={r.id}><Link href={`/approvals/${r.id}`} className="text-primary hover:underline">{r.subject}</Link></li>
        ))}
      </ul>
    </section>
  );
}

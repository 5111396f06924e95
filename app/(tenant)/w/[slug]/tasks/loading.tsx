import { PageHeader } from '@/components/ui/page-header';

/** While the board loads: its frame with skeleton columns. */
export default function TaskBoardLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <PageHeader title="Tasks" description="Loading the board…" />
      <div className="flex gap-3 overflow-hidden">
        {[0, 1, 2, 3].map((column) => (
          <div key={column} className="w-72 shrink-0 space-y-2 rounded-lg bg-accent/50 p-2">
            <div className="h-5 w-24 animate-pulse rounded bg-accent" />
            {[0, 1, 2].map((card) => <div key={card} className="h-20 animate-pulse rounded-md bg-surface" />)}
          </div>
        ))}
      </div>
    </div>
  );
}

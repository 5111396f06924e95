/** Shown in place of a section the member's role does not open. */
export function Forbidden({ what }: { what: string }) {
  return (
    <div className="rounded-lg border border-dashed border-border px-4 py-12 text-center">
      <h1 className="text-xl font-semibold">You do not have access to {what}</h1>
      <p className="mt-2 text-sm text-muted">Ask an admin of this organization if you need it.</p>
    </div>
  );
}

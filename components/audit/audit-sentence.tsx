import type { AuditSentence as Sentence } from '@/lib/audit/describe';
import { cn } from '@/lib/cn';

/** An audit entry's sentence: people in the foreground, changed values emphasised. */
export function AuditSentence({ sentence, className }: { sentence: Sentence; className?: string }) {
  return (
    <p className={cn('text-sm leading-6 text-muted [overflow-wrap:anywhere]', className)}>
      {sentence.parts.map((part, i) =>
        part.kind === 'text' ? (
          <span key={i}>{part.text}</span>
        ) : (
          <span key={i} className="font-medium text-foreground">
            {part.text}
          </span>
        ),
      )}
    </p>
  );
}

/** Fields an entry changed that its sentence does not say (actions the log does not word yet). */
export function AuditChanges({ sentence }: { sentence: Sentence }) {
  if (sentence.changes.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-muted">
      {sentence.changes.map((c) => (
        <li key={c.field} className="[overflow-wrap:anywhere]">
          <span className="font-medium text-foreground">{c.field}</span>{' '}
          {c.from === null ? <>set to {c.to ?? 'nothing'}</> : c.to === null ? <>cleared (was {c.from})</> : <>{c.from} → {c.to}</>}
        </li>
      ))}
    </ul>
  );
}

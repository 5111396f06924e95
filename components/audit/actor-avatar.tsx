import { Cog } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { personLabel, type AuditPerson } from '@/lib/audit/describe';
import { cn } from '@/lib/cn';

const boxes = { sm: 'h-7 w-7', md: 'h-9 w-9' } as const;

/** Who acted: their avatar, or a neutral mark for the system. */
export function ActorAvatar({ actor, size = 'md' }: { actor: AuditPerson | null; size?: keyof typeof boxes }) {
  if (!actor) {
    return (
      <span aria-hidden className={cn('grid shrink-0 place-items-center rounded-full border border-border bg-accent text-muted', boxes[size])}>
        <Cog className="h-4 w-4" />
      </span>
    );
  }
  return <Avatar id={actor.id ?? actor.email ?? 'someone'} name={personLabel(actor)} size={size} />;
}

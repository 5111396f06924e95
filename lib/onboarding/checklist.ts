import type { Permission } from '@/lib/permissions/schemas';

/**
 * What the organization's data says about its setup. Each feature that adds a
 * checklist item adds the fact it needs here and in getChecklistFacts (e.g.
 * templates picked, tasks created).
 */
export interface ChecklistFacts {
  memberCount: number;
  /** Invitations ever sent, whatever became of them. */
  invitationCount: number;
}

export interface ChecklistItemDefinition {
  key: string;
  title: string;
  description: string;
  /** Where to do it, and the button's words. */
  href: string;
  action: string;
  /** Shown only to members who may do it. */
  permission: Permission;
  /** Done follows from the data, so it stays done on every device and for every admin. */
  isDone: (facts: ChecklistFacts) => boolean;
}

/**
 * The workspace home's "Get started" list, in order. Only features that exist have
 * an item; later ones add theirs (pick a template: templates:read, create a task:
 * tasks:create) with the fact that marks them done.
 */
export const getStartedItems: readonly ChecklistItemDefinition[] = [
  {
    key: 'create_organization',
    title: 'Create your organization',
    description: 'Your workspace has its own address, ready for your team.',
    href: '/settings',
    action: 'Review settings',
    permission: 'org:read',
    isDone: () => true,
  },
  {
    key: 'invite_teammate',
    title: 'Invite a teammate',
    description: 'Work goes better together. Invite someone and choose what they may do.',
    href: '/members',
    action: 'Invite',
    permission: 'members:invite',
    isDone: (facts) => facts.invitationCount > 0 || facts.memberCount > 1,
  },
];

export interface ChecklistItem {
  key: string;
  title: string;
  description: string;
  href: string;
  action: string;
  done: boolean;
}

export interface Checklist {
  items: ChecklistItem[];
  doneCount: number;
  complete: boolean;
}

/**
 * The items this member may act on, each marked done or not; null when there is
 * nothing for them to do (no item they may do beyond what is already done for them).
 */
export function buildChecklist(
  definitions: readonly ChecklistItemDefinition[],
  can: (permission: Permission) => boolean,
  facts: ChecklistFacts,
): Checklist | null {
  const items = definitions
    .filter((d) => can(d.permission))
    .map(({ key, title, description, href, action, isDone }) => ({ key, title, description, href, action, done: isDone(facts) }));
  // Only items done by the organization's creation: nothing here for this member to do.
  if (!items.some((i) => i.key !== 'create_organization')) return null;
  const doneCount = items.filter((i) => i.done).length;
  return { items, doneCount, complete: doneCount === items.length };
}

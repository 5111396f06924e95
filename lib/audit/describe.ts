import type { AuditData, AuditValue } from './schemas';
import { describeTaskAction } from './describe-task';
import { changedFields, formatAuditValue, sameValue, type AuditChange } from './values';
import { describeApprovalAction } from './describe-approvals';

/** Someone an entry names. `id` null: no user (the system, or an invitee by email). */
export interface AuditPerson {
  id: string | null;
  name: string | null;
  email: string | null;
}

export type SentencePart =
  | { kind: 'text'; text: string }
  | { kind: 'person'; text: string; person: AuditPerson | null }
  | { kind: 'value'; text: string };

export interface AuditSentence {
  /** "Olivia Park" "changed" "Mia Chen's" "role from" "member" "to" "admin", for styled rendering. */
  parts: SentencePart[];
  /** The same sentence as plain text. */
  text: string;
  /** Fields the sentence does not already say (unknown actions, unknown keys); unchanged ones dropped. */
  changes: AuditChange[];
}

export interface DescribeInput {
  action: string;
  /** null when no user acted (system work, demo data). */
  actor: AuditPerson | null;
  /** The user an entry is about (target_type 'user'), when there is one. */
  target: AuditPerson | null;
  before: AuditData | null;
  after: AuditData | null;
}

/** How a person is named: name, else email, else what we know about them. */
export function personLabel(person: AuditPerson | null): string {
  if (!person) return 'System';
  return person.name?.trim() || person.email || (person.id ? 'A former member' : 'Someone');
}

const text = (t: string): SentencePart => ({ kind: 'text', text: t });
const value = (v: AuditValue | undefined, fallback = 'unknown'): SentencePart => ({
  kind: 'value',
  text: formatAuditValue(v) ?? fallback,
});
const who = (person: AuditPerson | null, opts: { start?: boolean; possessive?: boolean } = {}): SentencePart => {
  let label = personLabel(person);
  if (!opts.start && !person?.name?.trim() && !person?.email && person) label = label.charAt(0).toLowerCase() + label.slice(1);
  if (opts.possessive) label = label.endsWith('s') ? `${label}’` : `${label}’s`;
  return { kind: 'person', text: label, person };
};
const samePerson = (a: AuditPerson | null, b: AuditPerson | null) => Boolean(a?.id && b?.id && a.id === b.id);
const get = (data: AuditData | null, key: string): AuditValue | undefined => data?.[key];

/** `billing.plan_changed` → "billing plan changed". */
export const humanizeAction = (action: string) => action.replace(/[._]+/g, ' ').trim();

function organizationUpdated(actor: SentencePart, before: AuditData | null, after: AuditData | null): { parts: SentencePart[]; skip: string[] } {
  const renamed = !sameValue(get(before, 'name'), get(after, 'name')) && get(after, 'name') !== undefined;
  const moved = !sameValue(get(before, 'slug'), get(after, 'slug')) && get(after, 'slug') !== undefined;
  const fromTo = (key: string): SentencePart[] =>
    get(before, key) === undefined ? [text(' to '), value(get(after, key))] : [text(' from '), value(get(before, key)), text(' to '), value(get(after, key))];
  const parts: SentencePart[] = [actor];
  if (renamed) parts.push(text(' renamed the organization'), ...fromTo('name'));
  if (renamed && moved) parts.push(text(' and changed its address'), ...fromTo('slug'));
  if (!renamed && moved) parts.push(text(' changed the organization’s address'), ...fromTo('slug'));
  if (!renamed && !moved) parts.push(text(' updated the organization’s settings'));
  return { parts, skip: ['name', 'slug'] };
}

/**
 * One audit entry as a sentence: "Olivia Park changed Mia Chen's role from member to
 * admin". Covers every action the database writes (lib/audit/catalog.ts); any other
 * action reads "<actor> made a change: <action in words>" with its changed fields.
 * Never puts an id or an ISO timestamp in the sentence.
 */
export function describeAuditEntry({ action, actor, target, before, after }: DescribeInput): AuditSentence {
  const by = who(actor, { start: true });
  let parts: SentencePart[];
  let skip: string[] = ['email', 'role'];
  switch (action) {
    case 'organization.created':
      parts = get(after, 'name') === undefined
        ? [by, text(' created the organization')]
        : [by, text(' created the organization '), value(get(after, 'name'))];
      skip = ['name', 'slug'];
      break;
    case 'organization.updated':
      ({ parts, skip } = organizationUpdated(by, before, after));
      break;
    case 'member.joined':
      parts = !actor || samePerson(actor, target) || !target
        ? [who(target ?? actor, { start: true }), text(' joined as '), value(get(after, 'role'))]
        : [by, text(' added '), who(target), text(' as '), value(get(after, 'role'))];
      break;
    case 'member.role_changed':
      parts = [
        by,
        ...(samePerson(actor, target) ? [text(' changed their own role')] : [text(' changed '), who(target, { possessive: true }), text(' role')]),
        text(' from '), value(get(before, 'role')), text(' to '), value(get(after, 'role')),
      ];
      break;
    case 'member.removed':
      parts = [by, text(' removed '), who(target), text(' from the organization')];
      break;
    case 'member.left':
      parts = [who(target ?? actor, { start: true }), text(' left the organization')];
      break;
    case 'invitation.created':
      parts = [by, text(' invited '), value(get(after, 'email')), text(' as '), value(get(after, 'role'))];
      skip = ['email', 'role', 'expires_at'];
      break;
    case 'invitation.resent':
      parts = [by, text(' resent the invitation to '), value(get(after, 'email'))];
      skip = ['email', 'role', 'expires_at'];
      break;
    case 'invitation.revoked':
      parts = [by, text(' revoked the invitation for '), value(get(before, 'email'))];
      break;
    case 'invitation.accepted':
      parts = actor
        ? [by, text(' accepted the invitation sent to '), value(get(after, 'email'))]
        : [value(get(after, 'email')), text(' accepted their invitation as '), value(get(after, 'role'))];
      skip = ['email', 'role', 'accepted_by'];
      break;
    case 'notification_channel.created':
      parts = [by, text(' added the '), value(get(after, 'kind')), text(' notification channel '), value(get(after, 'name'))];
      skip = ['name', 'kind', 'config', 'enabled', 'secret_set'];
      break;
    case 'notification_channel.updated': {
      const what = [
        get(after, 'name') !== undefined ? `renamed to ${formatAuditValue(get(after, 'name'))}` : null,
        get(after, 'enabled') === true ? 'turned on' : get(after, 'enabled') === false ? 'turned off' : null,
        get(after, 'config') !== undefined ? 'new URL' : null,
        get(after, 'secret') !== undefined ? 'new secret' : null,
      ].filter(Boolean);
      parts = [by, text(' changed a notification channel'), ...(what.length ? [text(': '), { kind: 'value' as const, text: what.join(', ') }] : [])];
      skip = ['name', 'kind', 'enabled', 'config', 'secret'];
      break;
    }
    case 'notification_channel.deleted':
      parts = [by, text(' removed the notification channel '), value(get(before, 'name'))];
      skip = ['name', 'kind'];
      break;
    default: {
      const known = describeTaskAction(action, before, after) ?? describeApprovalAction(action, before, after);
      parts = known ? [by, ...known.parts] : [by, text(' made a change: '), { kind: 'value', text: humanizeAction(action) }];
      skip = known?.skip ?? [];
    }
  }
  return { parts, text: parts.map((p) => p.text).join(''), changes: changedFields(before, after, skip) };
}

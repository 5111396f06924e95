import { describe, expect, it } from 'vitest';
import { auditActions } from './catalog';
import { describeAuditEntry, humanizeAction, personLabel, type AuditPerson, type DescribeInput } from './describe';
import { changedFields, formatAuditValue } from './values';

const olivia: AuditPerson = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Olivia Park', email: 'olivia@acme.test' };
const mia: AuditPerson = { id: '00000000-0000-4000-8000-0000000000a3', name: 'Mia Chen', email: 'mia@acme.test' };
const james: AuditPerson = { id: '00000000-0000-4000-8000-0000000000a5', name: 'James', email: 'james@acme.test' };
const formerActor: AuditPerson = { id: '00000000-0000-4000-8000-0000000000ff', name: null, email: null };
const emailOnly: AuditPerson = { id: '00000000-0000-4000-8000-0000000000a6', name: null, email: 'noah@acme.test' };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const say = (input: Partial<DescribeInput> & { action: string }) =>
  describeAuditEntry({ actor: olivia, target: null, before: null, after: null, ...input });

describe('describeAuditEntry: every action the database writes', () => {
  const cases: [string, Partial<DescribeInput> & { action: string }, string][] = [
    ['organization.created', { action: 'organization.created', after: { name: 'Acme', slug: 'acme' } }, 'Olivia Park created the organization Acme'],
    ['organization.updated (name)', { action: 'organization.updated', before: { name: 'Acme' }, after: { name: 'Acme Health' } },
      'Olivia Park renamed the organization from Acme to Acme Health'],
    ['organization.updated (slug)', { action: 'organization.updated', before: { slug: 'acme' }, after: { slug: 'acme-health' } },
      'Olivia Park changed the organization’s address from acme to acme-health'],
    ['organization.updated (both)', {
      action: 'organization.updated', before: { name: 'Acme', slug: 'acme' }, after: { name: 'Acme Health', slug: 'acme-health' },
    }, 'Olivia Park renamed the organization from Acme to Acme Health and changed its address from acme to acme-health'],
    ['member.joined (self)', { action: 'member.joined', actor: mia, target: mia, after: { role: 'member', email: mia.email } }, 'Mia Chen joined as member'],
    ['member.joined (added by someone)', { action: 'member.joined', target: mia, after: { role: 'viewer', email: mia.email } }, 'Olivia Park added Mia Chen as viewer'],
    ['member.joined (by the system)', { action: 'member.joined', actor: null, target: mia, after: { role: 'admin' } }, 'Mia Chen joined as admin'],
    ['member.role_changed', {
      action: 'member.role_changed', target: mia, before: { role: 'member', email: mia.email }, after: { role: 'admin', email: mia.email },
    }, 'Olivia Park changed Mia Chen’s role from member to admin'],
    ['member.role_changed (own role)', {
      action: 'member.role_changed', target: olivia, before: { role: 'owner' }, after: { role: 'admin' },
    }, 'Olivia Park changed their own role from owner to admin'],
    ['member.role_changed (name ending in s)', {
      action: 'member.role_changed', target: james, before: { role: 'viewer' }, after: { role: 'member' },
    }, 'Olivia Park changed James’ role from viewer to member'],
    ['member.removed', { action: 'member.removed', target: emailOnly, before: { role: 'member', email: 'noah@acme.test' } },
      'Olivia Park removed noah@acme.test from the organization'],
    ['member.left', { action: 'member.left', actor: mia, target: mia, before: { role: 'viewer', email: mia.email } }, 'Mia Chen left the organization'],
    ['invitation.created', {
      action: 'invitation.created', after: { email: 'mia@x.com', role: 'admin', expires_at: '2026-12-09T10:00:00.123456+00:00' },
    }, 'Olivia Park invited mia@x.com as admin'],
    ['invitation.resent', {
      action: 'invitation.resent', before: { expires_at: '2026-12-01T10:00:00+00:00' }, after: { email: 'mia@x.com', role: 'admin', expires_at: '2026-12-09T10:00:00+00:00' },
    }, 'Olivia Park resent the invitation to mia@x.com'],
    ['invitation.revoked', { action: 'invitation.revoked', before: { email: 'sam@contractor.test', role: 'member' } },
      'Olivia Park revoked the invitation for sam@contractor.test'],
    ['invitation.accepted', {
      action: 'invitation.accepted', actor: mia, after: { email: mia.email!, role: 'member', accepted_by: mia.id! },
    }, 'Mia Chen accepted the invitation sent to mia@acme.test'],
    ['invitation.accepted (no actor)', {
      action: 'invitation.accepted', actor: null, after: { email: 'mia@x.com', role: 'viewer', accepted_by: mia.id! },
    }, 'mia@x.com accepted their invitation as viewer'],
    ['task.created', { action: 'task.created', after: { title: 'Ship it', status: 'todo', priority: 'high', assignee_id: mia.id! } },
      'Olivia Park created the task Ship it'],
    ['task.updated (moved)', { action: 'task.updated', before: { status: 'in_progress' }, after: { status: 'in_review', title: 'Ship it' } },
      'Olivia Park moved Ship it from in progress to in review'],
    ['task.updated (reassigned)', { action: 'task.updated', before: { assignee_id: null }, after: { assignee_id: mia.id!, title: 'Ship it' } },
      'Olivia Park reassigned Ship it'],
    ['task.updated (renamed)', { action: 'task.updated', before: { title: 'Ship' }, after: { title: 'Ship it' } },
      'Olivia Park updated the task Ship it'],
    ['task.deleted', { action: 'task.deleted', before: { title: 'Ship it', status: 'done' } }, 'Olivia Park deleted the task Ship it'],
    ['task.commented', { action: 'task.commented', after: { title: 'Ship it', comment_id: mia.id! } }, 'Olivia Park commented on Ship it'],
    ['notification_channel.created', {
      action: 'notification_channel.created', after: { name: 'Ops', kind: 'webhook', enabled: true, config: { url: 'https://x.test/h' }, secret_set: true },
    }, 'Olivia Park added the webhook notification channel Ops'],
    ['notification_channel.updated', {
      action: 'notification_channel.updated', before: { enabled: true, secret: '(hidden)' }, after: { enabled: false, secret: '(changed)' },
    }, 'Olivia Park changed a notification channel: turned off, new secret'],
    ['notification_channel.deleted', { action: 'notification_channel.deleted', before: { name: 'Ops', kind: 'slack' } },
      'Olivia Park removed the notification channel Ops'],
  ];

  cases.push(
    ['approval.requested', { action: 'approval.requested', after: { type: 'custom', subject: 'Ship it', quorum: 1 } }, 'Olivia Park asked for approval of Ship it'],
    ['approval.decided', { action: 'approval.decided', after: { decision: 'approve', reason: '', via: 'app' } }, 'Olivia Park approved a request'],
    ['approval.decided (email)', { action: 'approval.decided', after: { decision: 'reject', reason: 'no', via: 'email' } }, 'Olivia Park rejected a request from an email link'],
    ['approval.commented', { action: 'approval.commented', after: { body: 'Looks fine' } }, 'Olivia Park commented on a request'],
    ['approval.approved', { action: 'approval.approved', before: { status: 'pending' }, after: { status: 'approved', subject: 'Ship it' } }, 'Olivia Park completed the approval of Ship it'],
    ['approval.rejected', { action: 'approval.rejected', before: { status: 'pending' }, after: { status: 'rejected', subject: 'Ship it' } }, 'Olivia Park closed Ship it as rejected'],
    ['approval.expired', { action: 'approval.expired', actor: null, before: { status: 'pending' }, after: { status: 'expired', subject: 'Ship it' } }, 'System closed Ship it as expired'],
    ['approval.cancelled', { action: 'approval.cancelled', before: { status: 'pending' }, after: { status: 'cancelled', subject: 'Ship it' } }, 'Olivia Park cancelled Ship it'],
    ['approval_policy.updated', { action: 'approval_policy.updated', after: {} }, 'Olivia Park updated the approval policy'],
  );

  for (const [name, input, sentence] of cases) {
    it(name, () => {
      const result = say(input);
      expect(result.text).toBe(sentence);
      expect(result.parts.map((p) => p.text).join('')).toBe(sentence);
      expect(result.text).not.toMatch(UUID);
      expect(result.text).not.toMatch(ISO);
      // What the sentence says is not repeated as a list of changes.
      expect(result.changes).toEqual([]);
    });
  }

  it('has a case above for every action in the catalog', () => {
    const covered = new Set(cases.map(([, input]) => input.action));
    for (const { value } of auditActions) expect(covered, value).toContain(value);
  });

  it('marks the actor, the target and the values as such', () => {
    const { parts } = say({ action: 'member.role_changed', target: mia, before: { role: 'member' }, after: { role: 'admin' } });
    expect(parts.filter((p) => p.kind === 'person').map((p) => p.text)).toEqual(['Olivia Park', 'Mia Chen’s']);
    expect(parts.filter((p) => p.kind === 'value').map((p) => p.text)).toEqual(['member', 'admin']);
    expect(parts[0]).toMatchObject({ kind: 'person', person: olivia });
  });
});

describe('describeAuditEntry: people', () => {
  it('names the system when no user acted, and a former member when the account is gone', () => {
    expect(say({ action: 'organization.created', actor: null, after: { name: 'Acme' } }).text).toBe('System created the organization Acme');
    expect(say({ action: 'invitation.created', actor: formerActor, after: { email: 'a@b.co', role: 'viewer' } }).text)
      .toBe('A former member invited a@b.co as viewer');
    expect(say({ action: 'member.removed', target: { id: mia.id, name: null, email: null } }).text)
      .toBe('Olivia Park removed a former member from the organization');
  });

  it('falls back to the email when a person has no name', () => {
    expect(personLabel(emailOnly)).toBe('noah@acme.test');
    expect(personLabel({ id: null, name: '  ', email: null })).toBe('Someone');
    expect(personLabel(null)).toBe('System');
  });
});

describe('describeAuditEntry: only what changed', () => {
  it('drops unchanged keys (slug: acme → acme) from a rename', () => {
    const result = say({ action: 'organization.updated', before: { name: 'Acme', slug: 'acme' }, after: { name: 'Acme Health', slug: 'acme' } });
    expect(result.text).toBe('Olivia Park renamed the organization from Acme to Acme Health');
    expect(result.text).not.toContain('address');
  });

  it('says so when an update changed nothing it knows, and lists other changed fields', () => {
    expect(say({ action: 'organization.updated', before: { name: 'A' }, after: { name: 'A' } }).text).toBe('Olivia Park updated the organization’s settings');
    const other = say({ action: 'organization.updated', before: { name: 'A', plan: 'free' }, after: { name: 'A', plan: 'pro' } });
    expect(other.changes).toEqual([{ field: 'plan', from: 'free', to: 'pro' }]);
  });

  it('a rename with no before reads "renamed … to"', () => {
    expect(say({ action: 'organization.updated', after: { name: 'Acme' } }).text).toBe('Olivia Park renamed the organization to Acme');
  });
});

describe('describeAuditEntry: unknown actions', () => {
  it('reads as a change in words with the fields that changed, without ids or timestamps', () => {
    const result = say({
      action: 'billing.plan_changed',
      before: { plan: 'free', seats: 5, customer: '00000000-0000-4000-8000-000000000001', renews_at: '2026-12-01T00:00:00Z' },
      after: { plan: 'pro', seats: 5, customer: '00000000-0000-4000-8000-000000000002', renews_at: '2027-01-01T00:00:00Z' },
    });
    expect(result.text).toBe('Olivia Park made a change: billing plan changed');
    expect(result.changes).toEqual([
      { field: 'plan', from: 'free', to: 'pro' },
      { field: 'renews at', from: 'Dec 1, 2026', to: 'Jan 1, 2027' },
    ]);
  });

  it('an unknown action with no data has no changes', () => {
    expect(say({ action: 'tasks.task.created', actor: null })).toEqual({
      parts: [
        { kind: 'person', text: 'System', person: null },
        { kind: 'text', text: ' made a change: ' },
        { kind: 'value', text: 'tasks task created' },
      ],
      text: 'System made a change: tasks task created',
      changes: [],
    });
  });

  it('humanizes action keys', () => {
    expect(humanizeAction('approvals.request.decided')).toBe('approvals request decided');
  });
});

describe('values', () => {
  it('formats stored values for people', () => {
    expect(formatAuditValue(null)).toBeNull();
    expect(formatAuditValue(undefined)).toBeNull();
    expect(formatAuditValue(true)).toBe('yes');
    expect(formatAuditValue(3)).toBe('3');
    expect(formatAuditValue('00000000-0000-4000-8000-000000000001')).toBeNull();
    expect(formatAuditValue('2026-12-09T10:00:00.123456+00:00')).toBe('Dec 9, 2026');
    expect(formatAuditValue('2026-12-09')).toBe('Dec 9, 2026');
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
    expect(formatAuditValue('x'.repeat(100))).toBe('x'.repeat(100));
    expect(formatAuditValue({ long: 'y'.repeat(100) })).toHaveLength(80);
  });

  it('changedFields compares JSON deeply and keeps added and removed keys', () => {
    expect(changedFields({ a: { x: 1, y: [1, 2] }, b: 1 }, { a: { y: [1, 2], x: 1 }, b: 2 })).toEqual([{ field: 'b', from: '1', to: '2' }]);
    expect(changedFields(null, { name: 'New' })).toEqual([{ field: 'name', from: null, to: 'New' }]);
    expect(changedFields({ name: 'Old' }, null)).toEqual([{ field: 'name', from: 'Old', to: null }]);
    expect(changedFields({ a: [1] }, { a: [1, 2] })).toEqual([{ field: 'a', from: '[1]', to: '[1,2]' }]);
  });
});

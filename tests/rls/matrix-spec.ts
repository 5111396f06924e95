import crypto from 'node:crypto';
import type { Cell, ControlActor, Identity, Tx, Verb, World } from './matrix-world';
import { taskTables } from './matrix-tasks';
import { approvalTables } from './matrix-spec-approvals';

/**
 * What each identity may do to each table, all aimed at rows of org A. `control`
 * names who proves the statement works when no identity is allowed to run it.
 */
export interface VerbRule {
  cell: Cell;
  allowed: readonly Identity[];
  control?: ControlActor;
}
export type TableSpec = { table: string } & Record<Verb, VerbRule>;

const MEMBERS = ['viewer', 'member', 'admin', 'owner'] as const;
const MANAGERS = ['admin', 'owner'] as const;
const SIGNED_IN = ['nonMember', 'viewer', 'member', 'admin', 'owner', 'otherAdmin'] as const;
const NOBODY = [] as const;

const hex = () => crypto.randomBytes(32).toString('hex');
const count = async (q: PromiseLike<{ count: number }>) => (await q).count;
const rows = async (q: PromiseLike<ArrayLike<unknown>>) => (await q).length;

/** Catalog tables (migration-managed): signed-in users read, nobody writes. */
function catalog(table: string, select: Cell['run'], probe: (tx: Tx) => Promise<unknown>, write: {
  insert: Cell['run'];
  update: Cell['run'];
  delete: Cell['run'];
}): TableSpec {
  return {
    table,
    select: { cell: { run: select }, allowed: SIGNED_IN },
    insert: { cell: { setup: probe, run: write.insert }, allowed: NOBODY, control: 'superuser' },
    update: { cell: { setup: probe, run: write.update }, allowed: NOBODY, control: 'superuser' },
    delete: { cell: { setup: probe, run: write.delete }, allowed: NOBODY, control: 'superuser' },
  };
}

const probeRole = (tx: Tx) => tx`insert into public.roles (key, level, name) values ('probe_role', 999, 'Probe')`;
const probePermission = (tx: Tx) => tx`insert into public.permissions (key) values ('probe:perm')`;

export const matrix: TableSpec[] = [
  {
    table: 'public.organizations',
    select: { cell: { run: (tx, w) => rows(tx`select 1 from public.organizations where id = ${w.orgA.id}`) }, allowed: MEMBERS },
    insert: {
      cell: { run: (tx) => count(tx`insert into public.organizations (name, slug) values ('X', ${`m-${hex().slice(0, 10)}`})`) },
      allowed: NOBODY,
      control: 'service',
    },
    update: { cell: { run: (tx, w) => count(tx`update public.organizations set name = 'Renamed' where id = ${w.orgA.id}`) }, allowed: MANAGERS },
    delete: { cell: { run: (tx, w) => count(tx`delete from public.organizations where id = ${w.orgA.id}`) }, allowed: ['owner'] },
  },
  {
    table: 'public.memberships',
    select: {
      cell: { run: (tx, w) => rows(tx`select 1 from public.memberships where org_id = ${w.orgA.id} and user_id = ${w.probe.id}`) },
      allowed: MEMBERS,
    },
    insert: {
      cell: { run: (tx, w) => count(tx`insert into public.memberships (org_id, user_id, role) values (${w.orgA.id}, ${w.users.nonMember.id}, 'viewer')`) },
      allowed: NOBODY,
      control: 'service',
    },
    update: {
      cell: { run: (tx, w) => count(tx`update public.memberships set role = 'member' where org_id = ${w.orgA.id} and user_id = ${w.probe.id}`) },
      allowed: MANAGERS,
    },
    delete: {
      cell: { run: (tx, w) => count(tx`delete from public.memberships where org_id = ${w.orgA.id} and user_id = ${w.probe.id}`) },
      allowed: MANAGERS,
    },
  },
  {
    table: 'public.invitations',
    select: { cell: { run: (tx, w) => rows(tx`select 1 from public.invitations where id = ${w.invitationA}`) }, allowed: MANAGERS },
    insert: {
      cell: {
        run: (tx, w, me) => count(tx`insert into public.invitations (org_id, email, role, token_hash, invited_by)
                                     values (${w.orgA.id}, ${`new-${hex().slice(0, 8)}@example.test`}, 'viewer', ${hex()}, ${me})`),
      },
      allowed: MANAGERS,
    },
    update: { cell: { run: (tx, w) => count(tx`update public.invitations set revoked_at = now() where id = ${w.invitationA}`) }, allowed: MANAGERS },
    delete: { cell: { run: (tx, w) => count(tx`delete from public.invitations where id = ${w.invitationA}`) }, allowed: NOBODY, control: 'service' },
  },
  {
    table: 'public.audit_log',
    select: { cell: { run: (tx, w) => rows(tx`select 1 from public.audit_log where id = ${w.auditA}`) }, allowed: MANAGERS },
    // Only the audit triggers write entries (private.write_audit); no API role inserts.
    insert: {
      cell: { run: (tx, w, me) => count(tx`insert into public.audit_log (org_id, actor_id, action) values (${w.orgA.id}, ${me}, 'test.matrix')`) },
      allowed: NOBODY,
      control: 'superuser',
    },
    update: {
      cell: { run: (tx, w) => count(tx`update public.audit_log set action = 'test.tampered' where id = ${w.auditA}`) },
      allowed: NOBODY,
      control: 'superuserNoTriggers',
    },
    delete: {
      cell: { run: (tx, w) => count(tx`delete from public.audit_log where id = ${w.auditA}`) },
      allowed: NOBODY,
      control: 'superuserNoTriggers',
    },
  },
  {
    table: 'public.handoff_codes',
    select: { cell: { run: (tx, w) => rows(tx`select 1 from public.handoff_codes where id = ${w.handoffCode}`) }, allowed: NOBODY, control: 'service' },
    insert: {
      cell: { run: (tx, w) => count(tx`insert into public.handoff_codes (code_hash, user_id, target_host) values (${hex()}, ${w.users.nonMember.id}, 'x.localhost')`) },
      allowed: NOBODY,
      control: 'service',
    },
    update: { cell: { run: (tx, w) => count(tx`update public.handoff_codes set used_at = now() where id = ${w.handoffCode}`) }, allowed: NOBODY, control: 'service' },
    delete: { cell: { run: (tx, w) => count(tx`delete from public.handoff_codes where id = ${w.handoffCode}`) }, allowed: NOBODY, control: 'service' },
  },
  checklistDismissals(),
  catalog('public.roles', (tx) => rows(tx`select 1 from public.roles where key = 'viewer'`), probeRole, {
    insert: (tx) => count(tx`insert into public.roles (key, level, name) values ('probe_new', 998, 'New')`),
    update: (tx) => count(tx`update public.roles set name = 'Changed' where key = 'probe_role'`),
    delete: (tx) => count(tx`delete from public.roles where key = 'probe_role'`),
  }),
  catalog('public.permissions', (tx) => rows(tx`select 1 from public.permissions where key = 'members:read'`), probePermission, {
    insert: (tx) => count(tx`insert into public.permissions (key) values ('probe:new')`),
    update: (tx) => count(tx`update public.permissions set description = 'Changed' where key = 'probe:perm'`),
    delete: (tx) => count(tx`delete from public.permissions where key = 'probe:perm'`),
  }),
  catalog(
    'public.role_permissions',
    (tx) => rows(tx`select 1 from public.role_permissions where role = 'viewer' and permission = 'members:read'`),
    async (tx) => {
      await probeRole(tx);
      await probePermission(tx);
      await tx`insert into public.role_permissions (role, permission) values ('probe_role', 'probe:perm')`;
    },
    {
      insert: (tx) => count(tx`insert into public.role_permissions (role, permission) values ('probe_role', 'org:read')`),
      update: (tx) => count(tx`update public.role_permissions set permission = 'org:read' where role = 'probe_role'`),
      delete: (tx) => count(tx`delete from public.role_permissions where role = 'probe_role'`),
    },
  ),
  catalog(
    'public.reserved_slugs',
    (tx) => rows(tx`select 1 from public.reserved_slugs where slug = 'www'`),
    (tx) => tx`insert into public.reserved_slugs (slug) values ('probe-slug')`,
    {
      insert: (tx) => count(tx`insert into public.reserved_slugs (slug) values ('probe-new')`),
      update: (tx) => count(tx`update public.reserved_slugs set reason = 'changed' where slug = 'probe-slug'`),
      delete: (tx) => count(tx`delete from public.reserved_slugs where slug = 'probe-slug'`),
    },
  ),
  catalog(
    'public.task_transitions',
    (tx) => rows(tx`select 1 from public.task_transitions where from_status = 'todo' and to_status = 'in_progress'`),
    (tx) => tx`insert into public.task_transitions (from_status, to_status) values ('probe_a', 'probe_b')`,
    {
      insert: (tx) => count(tx`insert into public.task_transitions (from_status, to_status) values ('probe_c', 'probe_d')`),
      update: (tx) => count(tx`update public.task_transitions set to_status = 'probe_e' where from_status = 'probe_a'`),
      delete: (tx) => count(tx`delete from public.task_transitions where from_status = 'probe_a'`),
    },
  ),
  ...taskTables(),
  realtimeMessages(),
  ...approvalTables(),
  ...notificationTables(),
];

/** A member's own dismissed checklists in org A: theirs to read and add while a member; never changed. */
function checklistDismissals(): TableSpec {
  // Every identity with a user has a row in org A, so only the policy decides what they see.
  const setup = async (tx: Tx, w: World) => {
    for (const user of Object.values(w.users)) {
      await tx`insert into public.checklist_dismissals (org_id, user_id, checklist) values (${w.orgA.id}, ${user.id}, 'get_started')`;
    }
  };
  return {
    table: 'public.checklist_dismissals',
    select: {
      cell: { setup, run: (tx, w, me) => rows(tx`select 1 from public.checklist_dismissals where org_id = ${w.orgA.id} and user_id = ${me}`) },
      allowed: MEMBERS,
    },
    insert: {
      cell: { run: (tx, w, me) => count(tx`insert into public.checklist_dismissals (org_id, user_id, checklist) values (${w.orgA.id}, ${me}, 'get_started')`) },
      allowed: MEMBERS,
    },
    update: {
      cell: { setup, run: (tx, w) => count(tx`update public.checklist_dismissals set dismissed_at = now() where org_id = ${w.orgA.id}`) },
      allowed: NOBODY,
      control: 'superuser',
    },
    delete: {
      cell: { setup, run: (tx, w) => count(tx`delete from public.checklist_dismissals where org_id = ${w.orgA.id}`) },
      allowed: NOBODY,
      control: 'superuser',
    },
  };
}

/** Private channel `org:<A>`: members of A receive; nobody sends from a client. */
function realtimeMessages(): TableSpec {
  const setup = async (tx: Tx, w: World) => {
    await tx`insert into realtime.messages (id, topic, extension, payload, event, private)
             values (${w.messageId}, ${`org:${w.orgA.id}`}, 'broadcast', '{}', 'probe', true)`;
    await tx`select set_config('realtime.topic', ${`org:${w.orgA.id}`}, true)`;
  };
  return {
    table: 'realtime.messages',
    select: { cell: { setup, run: (tx, w) => rows(tx`select 1 from realtime.messages where id = ${w.messageId}`) }, allowed: MEMBERS },
    insert: {
      cell: {
        setup,
        run: (tx, w) => count(tx`insert into realtime.messages (topic, extension, payload, event, private)
                                 values (${`org:${w.orgA.id}`}, 'broadcast', '{}', 'client', true)`),
      },
      allowed: NOBODY,
      control: 'service',
    },
    update: { cell: { setup, run: (tx, w) => count(tx`update realtime.messages set event = 'x' where id = ${w.messageId}`) }, allowed: NOBODY, control: 'service' },
    delete: { cell: { setup, run: (tx, w) => count(tx`delete from realtime.messages where id = ${w.messageId}`) }, allowed: NOBODY, control: 'service' },
  };
}

/** Tables in exposed schemas the matrix leaves out, and why. */
export const excluded: Record<string, string> = {};

/** Notifications (migration 20261222000000_notifications.sql): channels and the delivery log for managers; the rest per user. */
function notificationTables(): TableSpec[] {
  const channelId = crypto.randomUUID();
  const deliveryId = crypto.randomUUID();
  const channel = (tx: Tx, w: World) => tx`insert into public.notification_channels (id, org_id, kind, name) values (${channelId}, ${w.orgA.id}, 'email', 'Probe channel')`;
  const delivery = async (tx: Tx, w: World) => {
    await channel(tx, w);
    await tx`insert into public.notification_deliveries (id, org_id, event_id, event_name, recipient_id, channel_id, message, status)
             values (${deliveryId}, ${w.orgA.id}, 'probe-event', 'tasks/task.assigned', ${w.users.member.id}, ${channelId}, '{}', 'failed')`;
  };
  // Every identity with a user has a row in org A, so only the policy decides what they see.
  const perUser = (insert: (tx: Tx, w: World, userId: string) => PromiseLike<unknown>) => async (tx: Tx, w: World) => {
    for (const user of Object.values(w.users)) await insert(tx, w, user.id);
  };
  const preference = perUser((tx, w, id) => tx`insert into public.notification_preferences (org_id, user_id, event, channel, enabled) values (${w.orgA.id}, ${id}, 'tasks/task.assigned', 'email', true)`);
  const notification = perUser((tx, w, id) => tx`insert into public.notifications (org_id, user_id, event_id, event_name, title, path, occurred_at) values (${w.orgA.id}, ${id}, 'probe-event', 'tasks/task.assigned', 'Probe', '/', now())`);
  return [
    {
      table: 'public.notification_channels',
      select: { cell: { setup: channel, run: (tx) => rows(tx`select 1 from public.notification_channels where id = ${channelId}`) }, allowed: MANAGERS },
      insert: { cell: { run: (tx, w) => count(tx`insert into public.notification_channels (org_id, kind, name) values (${w.orgA.id}, 'email', 'New channel')`) }, allowed: MANAGERS },
      update: { cell: { setup: channel, run: (tx) => count(tx`update public.notification_channels set enabled = false where id = ${channelId}`) }, allowed: MANAGERS },
      delete: { cell: { setup: channel, run: (tx) => count(tx`delete from public.notification_channels where id = ${channelId}`) }, allowed: MANAGERS },
    },
    {
      table: 'public.notification_preferences',
      select: { cell: { setup: preference, run: (tx, w, me) => rows(tx`select 1 from public.notification_preferences where org_id = ${w.orgA.id} and user_id = ${me}`) }, allowed: MEMBERS },
      insert: {
        cell: { run: (tx, w, me) => count(tx`insert into public.notification_preferences (org_id, user_id, event, channel, enabled) values (${w.orgA.id}, ${me}, 'tasks/task.assigned', 'slack', false)`) },
        allowed: MEMBERS,
      },
      update: { cell: { setup: preference, run: (tx, w, me) => count(tx`update public.notification_preferences set enabled = false where org_id = ${w.orgA.id} and user_id = ${me}`) }, allowed: MEMBERS },
      delete: { cell: { setup: preference, run: (tx, w, me) => count(tx`delete from public.notification_preferences where org_id = ${w.orgA.id} and user_id = ${me}`) }, allowed: MEMBERS },
    },
    {
      table: 'public.notifications',
      select: { cell: { setup: notification, run: (tx, w, me) => rows(tx`select 1 from public.notifications where org_id = ${w.orgA.id} and user_id = ${me}`) }, allowed: MEMBERS },
      insert: {
        cell: { run: (tx, w) => count(tx`insert into public.notifications (org_id, user_id, event_id, event_name, title, path, occurred_at) values (${w.orgA.id}, ${w.users.member.id}, 'x', 'tasks/task.assigned', 'X', '/', now())`) },
        allowed: NOBODY,
        control: 'service',
      },
      update: { cell: { setup: notification, run: (tx, w, me) => count(tx`update public.notifications set read_at = now() where org_id = ${w.orgA.id} and user_id = ${me}`) }, allowed: MEMBERS },
      delete: { cell: { setup: notification, run: (tx, w) => count(tx`delete from public.notifications where org_id = ${w.orgA.id}`) }, allowed: NOBODY, control: 'superuser' },
    },
    {
      table: 'public.notification_deliveries',
      select: { cell: { setup: delivery, run: (tx) => rows(tx`select 1 from public.notification_deliveries where id = ${deliveryId}`) }, allowed: MANAGERS },
      insert: {
        cell: {
          setup: channel,
          run: (tx, w) => count(tx`insert into public.notification_deliveries (org_id, event_id, event_name, recipient_id, channel_id, message)
                                   values (${w.orgA.id}, 'x', 'tasks/task.assigned', ${w.users.member.id}, ${channelId}, '{}')`),
        },
        allowed: NOBODY,
        control: 'service',
      },
      update: { cell: { setup: delivery, run: (tx) => count(tx`update public.notification_deliveries set status = 'retrying' where id = ${deliveryId}`) }, allowed: MANAGERS },
      delete: { cell: { setup: delivery, run: (tx) => count(tx`delete from public.notification_deliveries where id = ${deliveryId}`) }, allowed: NOBODY, control: 'superuser' },
    },
  ];
}

import crypto from 'node:crypto';
import type { Cell, ControlActor, Identity, Tx, Verb, World } from './matrix-world';

/**
 * The approval tables in the RLS matrix (tests/rls/matrix-spec.ts spreads them in). Rows live
 * only inside each attempt's setup (rolled back): a request in org A asked by the member, with
 * the admin and the owner as approvers, a decision by the admin, a comment and a link.
 */
type Spec = { table: string } & Record<Verb, { cell: Cell; allowed: readonly Identity[]; control?: ControlActor }>;

const MEMBERS = ['viewer', 'member', 'admin', 'owner'] as const;
const MANAGERS = ['admin', 'owner'] as const;
const CREATORS = ['member', 'admin', 'owner'] as const;
const NOBODY = [] as const;

const requestId = crypto.randomUUID();
const decisionId = crypto.randomUUID();
const eventId = crypto.randomUUID();
const linkId = crypto.randomUUID();
const count = async (q: PromiseLike<{ count: number }>) => (await q).count;
const rows = async (q: PromiseLike<ArrayLike<unknown>>) => (await q).length;
const hex = () => crypto.randomBytes(32).toString('hex');

async function request(tx: Tx, w: World) {
  await tx`insert into public.approval_requests (id, org_id, type, subject, payload, requested_by, approvers, quorum, expires_at)
           values (${requestId}, ${w.orgA.id}, 'custom', 'Matrix', '{}', ${w.users.member.id},
                   ${[w.users.admin.id, w.users.owner.id]}::uuid[], 2, now() + interval '1 day')`;
}
async function withRows(tx: Tx, w: World) {
  await request(tx, w);
  await tx`insert into public.approval_decisions (id, org_id, request_id, approver_id, decision)
           values (${decisionId}, ${w.orgA.id}, ${requestId}, ${w.users.admin.id}, 'approve')`;
  await tx`insert into public.approval_events (id, org_id, request_id, actor_id, kind, body)
           values (${eventId}, ${w.orgA.id}, ${requestId}, ${w.users.member.id}, 'comment', 'hi')`;
  await tx`insert into public.approval_links (id, org_id, request_id, approver_id, token_hash, expires_at)
           values (${linkId}, ${w.orgA.id}, ${requestId}, ${w.users.owner.id}, ${hex()}, now() + interval '1 day')`;
  await tx`insert into public.approval_policies (org_id, type, required, approver_role)
           values (${w.orgA.id}, 'custom', true, 'admin')`;
}

export function approvalTables(): Spec[] {
  return [
    {
      table: 'public.approval_requests',
      select: { cell: { setup: request, run: (tx, w) => rows(tx`select 1 from public.approval_requests where id = ${requestId}`) }, allowed: MEMBERS },
      insert: {
        cell: {
          // An approver other than the caller: the requester is never an approver.
          run: (tx, w, me) => count(tx`insert into public.approval_requests (org_id, type, subject, requested_by, approvers, quorum, expires_at)
            values (${w.orgA.id}, 'custom', 'New', ${me}, ${[me === w.users.owner.id ? w.users.admin.id : w.users.owner.id]}::uuid[], 1,
                    now() + interval '1 day')`),
        },
        allowed: CREATORS,
      },
      update: {
        cell: { setup: request, run: (tx) => count(tx`update public.approval_requests set status = 'cancelled' where id = ${requestId}`) },
        allowed: CREATORS,
      },
      delete: {
        cell: { setup: request, run: (tx) => count(tx`delete from public.approval_requests where id = ${requestId}`) },
        allowed: NOBODY,
        control: 'superuser',
      },
    },
    {
      table: 'public.approval_decisions',
      select: { cell: { setup: withRows, run: (tx) => rows(tx`select 1 from public.approval_decisions where id = ${decisionId}`) }, allowed: MEMBERS },
      insert: {
        cell: {
          setup: request,
          run: (tx, w, me) => count(tx`insert into public.approval_decisions (org_id, request_id, approver_id, decision)
                                       values (${w.orgA.id}, ${requestId}, ${me}, 'approve')`),
        },
        allowed: MANAGERS,
      },
      update: {
        cell: { setup: withRows, run: (tx) => count(tx`update public.approval_decisions set reason = 'changed' where id = ${decisionId}`) },
        allowed: NOBODY,
        control: 'superuser',
      },
      delete: {
        cell: { setup: withRows, run: (tx) => count(tx`delete from public.approval_decisions where id = ${decisionId}`) },
        allowed: NOBODY,
        control: 'superuser',
      },
    },
    {
      table: 'public.approval_events',
      select: { cell: { setup: withRows, run: (tx) => rows(tx`select 1 from public.approval_events where id = ${eventId}`) }, allowed: MEMBERS },
      insert: {
        cell: {
          setup: request,
          run: (tx, w, me) => count(tx`insert into public.approval_events (org_id, request_id, actor_id, kind, body)
                                       values (${w.orgA.id}, ${requestId}, ${me}, 'comment', 'A comment')`),
        },
        allowed: CREATORS,
      },
      update: {
        cell: { setup: withRows, run: (tx) => count(tx`update public.approval_events set body = 'changed' where id = ${eventId}`) },
        allowed: NOBODY,
        control: 'superuser',
      },
      delete: {
        cell: { setup: withRows, run: (tx) => count(tx`delete from public.approval_events where id = ${eventId}`) },
        allowed: NOBODY,
        control: 'superuser',
      },
    },
    {
      table: 'public.approval_policies',
      select: {
        cell: { setup: withRows, run: (tx, w) => rows(tx`select 1 from public.approval_policies where org_id = ${w.orgA.id} and type = 'custom'`) },
        allowed: MEMBERS,
      },
      insert: {
        cell: {
          run: (tx, w, me) => count(tx`insert into public.approval_policies (org_id, type, required, approver_role, updated_by)
                                       values (${w.orgA.id}, 'custom', true, 'admin', ${me})`),
        },
        allowed: MANAGERS,
      },
      update: {
        cell: {
          setup: withRows,
          run: (tx, w, me) => count(tx`update public.approval_policies set quorum = 2, updated_by = ${me}
                                       where org_id = ${w.orgA.id} and type = 'custom'`),
        },
        allowed: MANAGERS,
      },
      delete: {
        cell: { setup: withRows, run: (tx, w) => count(tx`delete from public.approval_policies where org_id = ${w.orgA.id}`) },
        allowed: NOBODY,
        control: 'superuser',
      },
    },
    {
      table: 'public.approval_links',
      select: { cell: { setup: withRows, run: (tx) => rows(tx`select 1 from public.approval_links where id = ${linkId}`) }, allowed: NOBODY, control: 'service' },
      insert: {
        cell: {
          setup: request,
          run: (tx, w) => count(tx`insert into public.approval_links (org_id, request_id, approver_id, token_hash, expires_at)
                                   values (${w.orgA.id}, ${requestId}, ${w.users.admin.id}, ${hex()}, now() + interval '1 day')`),
        },
        allowed: NOBODY,
        control: 'service',
      },
      update: { cell: { setup: withRows, run: (tx) => count(tx`update public.approval_links set used_at = now() where id = ${linkId}`) }, allowed: NOBODY, control: 'service' },
      delete: { cell: { setup: withRows, run: (tx) => count(tx`delete from public.approval_links where id = ${linkId}`) }, allowed: NOBODY, control: 'service' },
    },
  ];
}

import crypto from 'node:crypto';
import type { TableSpec } from './matrix-spec';
import type { Tx, World } from './matrix-world';

/** Tasks of org A: members read; members and up work on them; admins and owners delete. */
const MEMBERS = ['viewer', 'member', 'admin', 'owner'] as const;
const WORKERS = ['member', 'admin', 'owner'] as const;
const MANAGERS = ['admin', 'owner'] as const;
const NOBODY = [] as const;

const TASK = crypto.randomUUID();
const count = async (q: PromiseLike<{ count: number }>) => (await q).count;
const rows = async (q: PromiseLike<ArrayLike<unknown>>) => (await q).length;

/** A task in org A (with its 'created' history row and the owner watching), plus a comment. */
async function task(tx: Tx, w: World): Promise<void> {
  await tx`insert into public.tasks (id, org_id, title, created_by) values (${TASK}, ${w.orgA.id}, 'Matrix task', ${w.users.owner.id})`;
  await tx`insert into public.task_comments (task_id, org_id, author_id, body) values (${TASK}, ${w.orgA.id}, ${w.users.owner.id}, 'Matrix comment')`;
}

/** The task alone, created (and so watched) by the probe user, whom no identity is. */
async function probeTask(tx: Tx, w: World): Promise<void> {
  await tx`insert into public.tasks (id, org_id, title, created_by) values (${TASK}, ${w.orgA.id}, 'Matrix task', ${w.probe.id})`;
}

export function taskTables(): TableSpec[] {
  return [
    {
      table: 'public.tasks',
      select: { cell: { setup: task, run: (tx) => rows(tx`select 1 from public.tasks where id = ${TASK}`) }, allowed: MEMBERS },
      insert: {
        cell: { run: (tx, w, me) => count(tx`insert into public.tasks (org_id, title, created_by) values (${w.orgA.id}, 'New', ${me})`) },
        allowed: WORKERS,
      },
      update: { cell: { setup: task, run: (tx) => count(tx`update public.tasks set title = 'Renamed' where id = ${TASK}`) }, allowed: WORKERS },
      delete: { cell: { setup: task, run: (tx) => count(tx`delete from public.tasks where id = ${TASK}`) }, allowed: MANAGERS },
    },
    {
      table: 'public.task_watchers',
      select: { cell: { setup: task, run: (tx) => rows(tx`select 1 from public.task_watchers where task_id = ${TASK}`) }, allowed: MEMBERS },
      insert: {
        cell: { setup: probeTask, run: (tx, w, me) => count(tx`insert into public.task_watchers (task_id, org_id, user_id) values (${TASK}, ${w.orgA.id}, ${me})`) },
        allowed: MEMBERS,
      },
      update: {
        cell: { setup: task, run: (tx) => count(tx`update public.task_watchers set created_at = now() where task_id = ${TASK}`) },
        allowed: NOBODY,
        control: 'superuser',
      },
      // The probe's watch: only task editors remove someone else's.
      delete: {
        cell: { setup: probeTask, run: (tx, w) => count(tx`delete from public.task_watchers where task_id = ${TASK} and user_id = ${w.probe.id}`) },
        allowed: WORKERS,
      },
    },
    {
      table: 'public.task_comments',
      select: { cell: { setup: task, run: (tx) => rows(tx`select 1 from public.task_comments where task_id = ${TASK}`) }, allowed: MEMBERS },
      insert: {
        cell: { setup: task, run: (tx, w, me) => count(tx`insert into public.task_comments (task_id, org_id, author_id, body) values (${TASK}, ${w.orgA.id}, ${me}, 'Hi')`) },
        allowed: WORKERS,
      },
      update: { cell: { setup: task, run: (tx) => count(tx`update public.task_comments set body = 'Edited' where task_id = ${TASK}`) }, allowed: NOBODY, control: 'superuser' },
      delete: { cell: { setup: task, run: (tx) => count(tx`delete from public.task_comments where task_id = ${TASK}`) }, allowed: NOBODY, control: 'superuser' },
    },
    {
      table: 'public.task_activity',
      select: { cell: { setup: task, run: (tx) => rows(tx`select 1 from public.task_activity where task_id = ${TASK}`) }, allowed: MEMBERS },
      insert: {
        cell: { setup: task, run: (tx, w, me) => count(tx`insert into public.task_activity (task_id, org_id, actor_id, field) values (${TASK}, ${w.orgA.id}, ${me}, 'title')`) },
        allowed: NOBODY,
        control: 'superuser',
      },
      update: { cell: { setup: task, run: (tx) => count(tx`update public.task_activity set field = 'title' where task_id = ${TASK}`) }, allowed: NOBODY, control: 'superuser' },
      delete: { cell: { setup: task, run: (tx) => count(tx`delete from public.task_activity where task_id = ${TASK}`) }, allowed: NOBODY, control: 'superuser' },
    },
  ];
}

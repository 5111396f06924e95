-- Tasks: the work of an organization, moving through a state machine that the
-- database enforces, with watchers, comments and an activity history written in
-- the same transaction as each change (docs/decisions/0024).

-- The state machine, written down once -------------------------------------------------
-- lib/tasks/transitions.ts mirrors this table (a test keeps them equal) so the service
-- can refuse an illegal move with a clear message before the trigger would.
create table public.task_transitions (
  from_status text not null,
  to_status text not null,
  primary key (from_status, to_status),
  constraint task_transitions_distinct check (from_status <> to_status)
);
comment on table public.task_transitions is
  'The allowed task status changes (from → to). Managed by migrations only; enforced by the tasks_guard trigger.';

insert into public.task_transitions (from_status, to_status) values
  ('todo', 'in_progress'), ('todo', 'blocked'), ('todo', 'cancelled'),
  ('in_progress', 'todo'), ('in_progress', 'in_review'), ('in_progress', 'blocked'), ('in_progress', 'cancelled'),
  ('in_review', 'in_progress'), ('in_review', 'done'), ('in_review', 'blocked'), ('in_review', 'cancelled'),
  ('blocked', 'todo'), ('blocked', 'in_progress'), ('blocked', 'cancelled'),
  ('done', 'in_progress'),
  ('cancelled', 'todo');

alter table public.task_transitions enable row level security;
create policy task_transitions_select on public.task_transitions for select to authenticated using (true);
grant select on public.task_transitions to authenticated, service_role;

-- Labels: up to 10 short words --------------------------------------------------------
create function private.valid_task_labels(labels text[])
returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(cardinality(labels), 0) <= 10
     and not exists (
       select 1 from unnest(labels) as l
       where l !~ '^[[:alnum:]][[:alnum:] _.-]{0,29}$' or l <> lower(l)
     )
     and cardinality(labels) = (select count(distinct l) from unnest(labels) as l);
$$;
grant execute on function private.valid_task_labels(text[]) to authenticated, service_role;

-- tasks ---------------------------------------------------------------------------------
create table public.tasks (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  title text not null constraint tasks_title_length check (char_length(btrim(title)) between 1 and 200),
  description text not null default '' constraint tasks_description_length check (char_length(description) <= 10000),
  status text not null default 'todo'
    constraint tasks_status_known check (status in ('todo', 'in_progress', 'in_review', 'done', 'blocked', 'cancelled')),
  priority text not null default 'medium'
    constraint tasks_priority_known check (priority in ('low', 'medium', 'high', 'urgent')),
  assignee_id uuid references auth.users (id) on delete set null,
  due_on date,
  labels text[] not null default '{}' constraint tasks_labels_valid check (private.valid_task_labels(labels)),
  -- Order within a board column: a card dropped between two others takes the midpoint.
  rank double precision not null default 0,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tasks_org_created_idx on public.tasks (org_id, created_at desc, id desc);
create index tasks_org_status_rank_idx on public.tasks (org_id, status, rank);
create index tasks_org_assignee_idx on public.tasks (org_id, assignee_id);
create index tasks_org_due_idx on public.tasks (org_id, due_on);
create index tasks_labels_idx on public.tasks using gin (labels);
create index tasks_assignee_id_idx on public.tasks (assignee_id);
create index tasks_created_by_idx on public.tasks (created_by);
comment on table public.tasks is
  'Work items of an organization. Status moves only along public.task_transitions; every change is recorded in task_activity and the audit log by triggers, and announced on org:<id>:tasks.';

-- watchers ---------------------------------------------------------------------------------
create table public.task_watchers (
  task_id uuid not null references public.tasks (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (task_id, user_id)
);
create index task_watchers_org_created_idx on public.task_watchers (org_id, created_at);
create index task_watchers_user_id_idx on public.task_watchers (user_id);
comment on table public.task_watchers is 'Members who follow a task (notified of its comments).';

-- comments ---------------------------------------------------------------------------------
create table public.task_comments (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references public.tasks (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null,
  body text not null constraint task_comments_body_length check (char_length(btrim(body)) between 1 and 5000),
  created_at timestamptz not null default now()
);
create index task_comments_task_created_idx on public.task_comments (task_id, created_at);
create index task_comments_org_created_idx on public.task_comments (org_id, created_at);
create index task_comments_author_id_idx on public.task_comments (author_id);
comment on table public.task_comments is 'Comments on tasks, append-only for their authors.';

-- activity -----------------------------------------------------------------------------------
create table public.task_activity (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references public.tasks (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  actor_id uuid references auth.users (id) on delete set null,
  field text not null
    constraint task_activity_field_known check (field in (
      'created', 'title', 'description', 'status', 'priority', 'assignee', 'due_on', 'labels', 'comment'
    )),
  from_value jsonb,
  to_value jsonb,
  created_at timestamptz not null default clock_timestamp()
);
create index task_activity_task_created_idx on public.task_activity (task_id, created_at);
create index task_activity_org_created_idx on public.task_activity (org_id, created_at);
create index task_activity_actor_id_idx on public.task_activity (actor_id);
comment on table public.task_activity is
  'Every change to a task (who, which field, from → to, when), written by triggers in the same transaction. Read-only for everyone.';

-- Who may do what ----------------------------------------------------------------------------
-- Reading needs tasks:read; creating tasks:create (as oneself); editing tasks:update;
-- deleting tasks:delete. Assigning needs tasks:assign too, and the assignee must be a
-- member: the tasks_guard trigger checks both, since a policy cannot see which
-- columns an update changes.
alter table public.tasks enable row level security;
create policy tasks_select on public.tasks for select to authenticated
  using ((select private.has_permission(org_id, 'tasks:read')));
create policy tasks_insert on public.tasks for insert to authenticated
  with check ((select private.has_permission(org_id, 'tasks:create')) and created_by = (select auth.uid()));
create policy tasks_update on public.tasks for update to authenticated
  using ((select private.has_permission(org_id, 'tasks:update')))
  with check ((select private.has_permission(org_id, 'tasks:update')));
create policy tasks_delete on public.tasks for delete to authenticated
  using ((select private.has_permission(org_id, 'tasks:delete')));
grant select, delete on public.tasks to authenticated;
grant insert (org_id, title, description, status, priority, assignee_id, due_on, labels, rank, created_by)
  on public.tasks to authenticated;
grant update (title, description, status, priority, assignee_id, due_on, labels, rank) on public.tasks to authenticated;

-- Anyone who reads a task may watch it; others' watching is changed by tasks:update holders.
alter table public.task_watchers enable row level security;
create policy task_watchers_select on public.task_watchers for select to authenticated
  using ((select private.has_permission(org_id, 'tasks:read')));
create policy task_watchers_insert on public.task_watchers for insert to authenticated
  with check (
    (user_id = (select auth.uid()) and (select private.has_permission(org_id, 'tasks:read')))
    or (select private.has_permission(org_id, 'tasks:update'))
  );
create policy task_watchers_delete on public.task_watchers for delete to authenticated
  using (
    (user_id = (select auth.uid()) and (select private.has_permission(org_id, 'tasks:read')))
    or (select private.has_permission(org_id, 'tasks:update'))
  );
grant select, delete on public.task_watchers to authenticated;
grant insert (task_id, org_id, user_id) on public.task_watchers to authenticated;

-- Comments are written as oneself with comments:create; nobody edits them.
alter table public.task_comments enable row level security;
create policy task_comments_select on public.task_comments for select to authenticated
  using ((select private.has_permission(org_id, 'tasks:read')));
create policy task_comments_insert on public.task_comments for insert to authenticated
  with check ((select private.has_permission(org_id, 'comments:create')) and author_id = (select auth.uid()));
grant select on public.task_comments to authenticated;
grant insert (task_id, org_id, author_id, body) on public.task_comments to authenticated;

-- The history is written by triggers only.
alter table public.task_activity enable row level security;
create policy task_activity_select on public.task_activity for select to authenticated
  using ((select private.has_permission(org_id, 'tasks:read')));
grant select on public.task_activity to authenticated;

grant select, insert, update, delete on public.tasks, public.task_watchers, public.task_comments to service_role;
grant select on public.task_activity to service_role;

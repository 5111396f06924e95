-- Tasks, held by the database for every caller: the state machine, who may assign
-- whom, the activity history, the audit log and the live broadcasts, all in the
-- transaction of the change (docs/decisions/0024).

-- Who is acting: the verified caller, or on service paths the actor lib/db names (app.actor_id).
create function private.current_actor()
returns uuid
language sql
stable
set search_path = ''
as $$
  select coalesce((select auth.uid()), nullif(current_setting('app.actor_id', true), '')::uuid);
$$;
revoke execute on function private.current_actor() from public, anon, authenticated, service_role;

-- The guard: transitions, assignment, what never changes ---------------------------------
create function private.guard_task()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- Changes made by another trigger (a member leaving unassigns their tasks) are the
  -- database's own; a signed-in caller's are checked.
  checked boolean := (select auth.uid()) is not null and pg_trigger_depth() = 1;
begin
  if tg_op = 'INSERT' then
    if new.status in ('done', 'cancelled') then
      raise exception 'A new task starts as to do, in progress, in review or blocked, not %.', new.status
        using errcode = 'check_violation', constraint = 'tasks_initial_status';
    end if;
  else
    if (new.org_id, new.created_by, new.created_at) is distinct from (old.org_id, old.created_by, old.created_at) then
      raise exception 'A task''s organization, author and creation time cannot change.'
        using errcode = 'insufficient_privilege', constraint = 'tasks_immutable';
    end if;
    if new.status <> old.status and not exists (
      select 1 from public.task_transitions t where t.from_status = old.status and t.to_status = new.status
    ) then
      raise exception 'A task cannot move from % to %.', old.status, new.status
        using errcode = 'check_violation', constraint = 'tasks_transition_allowed';
    end if;
    new.updated_at := now();
  end if;
  if new.assignee_id is distinct from (case when tg_op = 'UPDATE' then old.assignee_id end) then
    if checked and not private.has_permission(new.org_id, 'tasks:assign') then
      raise exception 'Assigning tasks needs tasks:assign.'
        using errcode = 'insufficient_privilege', constraint = 'tasks_assign_permission';
    end if;
    if new.assignee_id is not null and not exists (
      select 1 from public.memberships m where m.org_id = new.org_id and m.user_id = new.assignee_id
    ) then
      raise exception 'The assignee must be a member of the organization.'
        using errcode = 'foreign_key_violation', constraint = 'tasks_assignee_member';
    end if;
  end if;
  return new;
end;
$$;
revoke execute on function private.guard_task() from public, anon, authenticated, service_role;
create trigger tasks_guard before insert or update on public.tasks
  for each row execute function private.guard_task();

-- Comments belong to a task of the same organization.
create function private.guard_task_link()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.tasks t where t.id = new.task_id and t.org_id = new.org_id) then
    raise exception 'Task not found.' using errcode = 'foreign_key_violation', constraint = 'task_link_same_org';
  end if;
  return new;
end;
$$;
revoke execute on function private.guard_task_link() from public, anon, authenticated, service_role;
create trigger task_comments_guard before insert on public.task_comments
  for each row execute function private.guard_task_link();
create trigger task_watchers_guard before insert on public.task_watchers
  for each row execute function private.guard_task_link();

-- Activity, audit and watchers after each change ---------------------------------------------
create function private.record_task_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := private.current_actor();
  o jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  n jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  col text;
  diff jsonb;
begin
  if tg_op = 'INSERT' then
    insert into public.task_activity (task_id, org_id, actor_id, field, to_value)
    values (new.id, new.org_id, actor, 'created', jsonb_build_object('title', new.title, 'status', new.status));
    insert into public.task_watchers (task_id, org_id, user_id)
    select new.id, new.org_id, u from unnest(array[new.created_by, new.assignee_id]) as u
    where u is not null on conflict do nothing;
    perform private.write_audit(new.org_id, 'task.created', 'task', new.id::text, null,
      jsonb_build_object('title', new.title, 'status', new.status, 'priority', new.priority, 'assignee_id', new.assignee_id));
    return null;
  elsif tg_op = 'DELETE' then
    perform private.write_audit(old.org_id, 'task.deleted', 'task', old.id::text,
      jsonb_build_object('title', old.title, 'status', old.status), null);
    return null;
  end if;
  foreach col in array array['title', 'description', 'status', 'priority', 'assignee_id', 'due_on', 'labels'] loop
    if o -> col is distinct from n -> col then
      insert into public.task_activity (task_id, org_id, actor_id, field, from_value, to_value)
      values (new.id, new.org_id, actor, case col when 'assignee_id' then 'assignee' else col end,
        case when col = 'description' then null else o -> col end,
        case when col = 'description' then null else n -> col end);
    end if;
  end loop;
  if new.assignee_id is not null and new.assignee_id is distinct from old.assignee_id then
    insert into public.task_watchers (task_id, org_id, user_id) values (new.id, new.org_id, new.assignee_id)
    on conflict do nothing;
  end if;
  diff := private.audit_changes(o, n, array['title', 'status', 'priority', 'assignee_id', 'due_on', 'labels']);
  if o -> 'description' is distinct from n -> 'description' then
    diff := jsonb_set(diff, '{after,description}', '"changed"');
  end if;
  if diff -> 'after' <> '{}'::jsonb then
    perform private.write_audit(new.org_id, 'task.updated', 'task', new.id::text, diff -> 'before',
      (diff -> 'after') || jsonb_build_object('title', new.title));
  end if;
  return null;
end;
$$;
revoke execute on function private.record_task_change() from public, anon, authenticated, service_role;
create trigger tasks_record_insert_delete after insert or delete on public.tasks
  for each row execute function private.record_task_change();
-- A move within a column (rank only) is not history.
create trigger tasks_record_update after update on public.tasks
  for each row when ((old.title, old.description, old.status, old.priority, old.assignee_id, old.due_on, old.labels)
    is distinct from (new.title, new.description, new.status, new.priority, new.assignee_id, new.due_on, new.labels))
  execute function private.record_task_change();

create function private.record_task_comment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.task_activity (task_id, org_id, actor_id, field, to_value)
  values (new.task_id, new.org_id, new.author_id, 'comment', jsonb_build_object('comment_id', new.id));
  insert into public.task_watchers (task_id, org_id, user_id) values (new.task_id, new.org_id, new.author_id)
  on conflict do nothing;
  perform private.write_audit(new.org_id, 'task.commented', 'task', new.task_id::text, null,
    jsonb_build_object('comment_id', new.id, 'title', (select t.title from public.tasks t where t.id = new.task_id)));
  return null;
end;
$$;
revoke execute on function private.record_task_comment() from public, anon, authenticated, service_role;
create trigger task_comments_record after insert on public.task_comments
  for each row execute function private.record_task_comment();

-- Live: org:<id>:tasks (ids, status and the operation only) --------------------------------
create function private.broadcast_task_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  org uuid := coalesce(new.org_id, old.org_id);
  task uuid;
  kind text;
begin
  -- plpgsql resolves record fields when a statement runs: read each table's own columns.
  if tg_table_name = 'tasks' then
    task := coalesce(new.id, old.id);
    kind := 'task';
  else
    task := coalesce(new.task_id, old.task_id);
    kind := 'comment';
  end if;
  perform realtime.send(
    jsonb_build_object('op', lower(tg_op), 'kind', kind, 'task_id', task, 'actor_id', private.current_actor()),
    kind || '.' || lower(tg_op),
    'org:' || org::text || ':tasks',
    true
  );
  return null;
end;
$$;
revoke execute on function private.broadcast_task_change() from public, anon, authenticated, service_role;
create trigger tasks_broadcast_insert_delete after insert or delete on public.tasks
  for each row execute function private.broadcast_task_change();
create trigger tasks_broadcast_update after update on public.tasks
  for each row when (old.* is distinct from new.*) execute function private.broadcast_task_change();
create trigger task_comments_broadcast after insert on public.task_comments
  for each row execute function private.broadcast_task_change();

-- A member who leaves is unassigned and stops watching ---------------------------------------
create function private.release_member_tasks()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.tasks set assignee_id = null where org_id = old.org_id and assignee_id = old.user_id;
  delete from public.task_watchers where org_id = old.org_id and user_id = old.user_id;
  return null;
end;
$$;
revoke execute on function private.release_member_tasks() from public, anon, authenticated, service_role;
create trigger memberships_release_tasks after delete on public.memberships
  for each row execute function private.release_member_tasks();

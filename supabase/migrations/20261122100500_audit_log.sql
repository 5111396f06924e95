-- Append-only audit log. Services write an entry in the same transaction as each
-- change. Nobody updates or deletes entries: no grant or policy allows it, and a
-- trigger raises for every role, owners, the service role and the table owner
-- included. The one exception is the organization's own deletion: entries are
-- tenant data and go with their organization (FK cascade); the trigger lets a
-- delete through only when the organization row is already gone in this
-- transaction, which only that cascade achieves.

create table public.audit_log (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  actor_id uuid,
  action text not null constraint audit_log_action_format check (action ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)+$' and char_length(action) <= 64),
  target_type text constraint audit_log_target_type_length check (char_length(target_type) <= 64),
  target_id text constraint audit_log_target_id_length check (char_length(target_id) <= 128),
  before jsonb,
  after jsonb,
  request_id text constraint audit_log_request_id_length check (char_length(request_id) <= 128),
  ip inet,
  user_agent text constraint audit_log_user_agent_length check (char_length(user_agent) <= 512),
  created_at timestamptz not null default now()
);
create index audit_log_org_id_created_at_idx on public.audit_log (org_id, created_at desc, id desc);
create index audit_log_org_id_actor_idx on public.audit_log (org_id, actor_id, created_at desc);
create index audit_log_org_id_action_idx on public.audit_log (org_id, action, created_at desc);
comment on table public.audit_log is
  'Append-only record of changes per organization (actor, action, target, before/after, request id, ip, user agent). actor_id has no FK so entries outlive users; entries are removed only with their organization.';

create function private.audit_log_append_only()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from public.organizations o where o.id = old.org_id) then
    return old;
  end if;
  raise exception 'The audit log is append-only: entries cannot be changed or deleted.'
    using errcode = 'insufficient_privilege', constraint = 'audit_log_append_only';
end;
$$;
revoke execute on function private.audit_log_append_only() from public;

create trigger audit_log_append_only
  before update or delete on public.audit_log
  for each row execute function private.audit_log_append_only();

create function private.audit_log_no_truncate()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'The audit log is append-only: it cannot be truncated.'
    using errcode = 'insufficient_privilege', constraint = 'audit_log_append_only';
end;
$$;
revoke execute on function private.audit_log_no_truncate() from public;

create trigger audit_log_no_truncate
  before truncate on public.audit_log
  for each statement execute function private.audit_log_no_truncate();

alter table public.audit_log enable row level security;

create policy audit_log_select on public.audit_log for select to authenticated
  using ((select private.has_permission(org_id, 'audit:read')));

-- Any member records their own actions (a viewer leaving, say); the actor is
-- always the caller, and created_at/id are not theirs to choose.
create policy audit_log_insert on public.audit_log for insert to authenticated
  with check (
    actor_id = (select auth.uid())
    and (select private.current_role_level(org_id)) is not null
  );

grant select on public.audit_log to authenticated;
grant insert (org_id, actor_id, action, target_type, target_id, before, after, request_id, ip, user_agent)
  on public.audit_log to authenticated;
grant select, insert on public.audit_log to service_role;

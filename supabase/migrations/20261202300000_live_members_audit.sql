-- Live members page and audit log: the database announces changes on private
-- per-tenant Realtime topics, and open pages refresh themselves.
--
--   org:<org id>:members  every insert, role change and removal of a membership
--   org:<org id>:audit    every new audit_log entry
--
-- Payloads carry ids, the role and the operation only (no emails, no before/after):
-- a subscriber re-reads the page through RLS, so a message never shows more than
-- the reader may already see. Broadcasts are sent by triggers in the writing
-- transaction, so they are delivered at commit and never for rolled-back changes.
--
-- On hosted Supabase realtime.send() runs with the caller's rights, and the
-- insert into realtime.messages would be refused by RLS for an `authenticated`
-- request (there is no insert policy: clients never send on org topics). So the
-- trigger functions are security definer, owned by the role that runs the
-- migrations, with an empty search_path, and no API role may call them directly.

-- memberships → org:<id>:members ---------------------------------------------------
create function private.broadcast_membership_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- new is null on delete, old is null on insert.
  org uuid := coalesce(new.org_id, old.org_id);
begin
  perform realtime.send(
    jsonb_build_object(
      'op', lower(tg_op),
      'org_id', org,
      'user_id', coalesce(new.user_id, old.user_id),
      -- The role after the change; null once the membership is gone.
      'role', new.role
    ),
    'membership.' || lower(tg_op),
    'org:' || org::text || ':members',
    true
  );
  return null;
end;
$$;
comment on function private.broadcast_membership_change() is
  'Trigger: announces a membership insert/update/delete on the private topic org:<org id>:members (ids, role, op only).';
revoke execute on function private.broadcast_membership_change() from public, anon, authenticated, service_role;

-- Updates that change nothing (e.g. a role set to itself) stay quiet.
create trigger memberships_broadcast_insert_delete
  after insert or delete on public.memberships
  for each row execute function private.broadcast_membership_change();
create trigger memberships_broadcast_update
  after update on public.memberships
  for each row when (old.* is distinct from new.*)
  execute function private.broadcast_membership_change();

-- audit_log → org:<id>:audit --------------------------------------------------------
create function private.broadcast_audit_entry()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- `entry_id`, not `id`: realtime.send puts the message's own id into `id`.
  perform realtime.send(
    jsonb_build_object('entry_id', new.id, 'action', new.action),
    'audit.created',
    'org:' || new.org_id::text || ':audit',
    true
  );
  return null;
end;
$$;
comment on function private.broadcast_audit_entry() is
  'Trigger: announces a new audit_log entry on the private topic org:<org id>:audit (entry id and action only).';
revoke execute on function private.broadcast_audit_entry() from public, anon, authenticated, service_role;

create trigger audit_log_broadcast
  after insert on public.audit_log
  for each row execute function private.broadcast_audit_entry();

-- Who may receive what ----------------------------------------------------------------
-- Policies are permissive (OR-ed), so a narrower policy beside the old one could
-- not take the audit topic away from members without audit:read. The one select
-- policy is replaced: members of org X still receive `org:X` and `org:X:*`, except
-- `org:X:audit` (and `org:X:audit:*`), which needs audit:read, like the audit_log
-- table's own select policy. Org ids are uuids, so `_` and `%` never occur in the
-- LIKE prefixes.
drop policy realtime_messages_org_members_receive on realtime.messages;

create policy realtime_messages_org_members_receive on realtime.messages for select to authenticated
  using (
    extension = 'broadcast'
    and exists (
      select 1
      from public.memberships m
      where m.user_id = (select auth.uid())
        and (
          (select realtime.topic()) = 'org:' || m.org_id::text
          or (
            (select realtime.topic()) like 'org:' || m.org_id::text || ':%'
            and (
              not (
                (select realtime.topic()) = 'org:' || m.org_id::text || ':audit'
                or (select realtime.topic()) like 'org:' || m.org_id::text || ':audit:%'
              )
              or private.has_permission(m.org_id, 'audit:read')
            )
          )
        )
    )
  );
comment on policy realtime_messages_org_members_receive on realtime.messages is
  'Members of org X receive the private topics org:X and org:X:*; org:X:audit and org:X:audit:* need audit:read.';

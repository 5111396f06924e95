-- Names for the audit log. Entries keep user ids (actor_id, and target_id for
-- user targets), and a reader wants "Olivia Park changed Mia Chen's role", also
-- after Olivia or Mia left (private.member_directory shows current members
-- only). This helper resolves ids to email and name for holders of audit:read,
-- and only for users that appear in that organization's log as actor or user
-- target: an audit reader cannot look up arbitrary accounts.

-- Lookups by user target (target_type 'user', target_id) stay indexed per organization.
create index audit_log_org_id_target_idx on public.audit_log (org_id, target_type, target_id);

create function private.audit_people(org_id uuid, user_ids uuid[])
returns table (user_id uuid, email text, name text)
language sql
stable
security definer
set search_path = ''
as $$
  select u.id,
         u.email::text,
         coalesce(nullif(btrim(u.raw_user_meta_data ->> 'full_name'), ''), nullif(btrim(u.raw_user_meta_data ->> 'name'), ''), '')
  from auth.users u
  where u.id = any(audit_people.user_ids)
    and (select private.has_permission(audit_people.org_id, 'audit:read'))
    and (
      exists (select 1 from public.audit_log a where a.org_id = audit_people.org_id and a.actor_id = u.id)
      or exists (select 1 from public.audit_log a
                 where a.org_id = audit_people.org_id and a.target_type = 'user' and a.target_id = u.id::text)
    );
$$;
comment on function private.audit_people(uuid, uuid[]) is
  'Email and name of the given users, for holders of audit:read in the organization, limited to users its audit log names as actor or user target.';
revoke execute on function private.audit_people(uuid, uuid[]) from public, anon, service_role;
grant execute on function private.audit_people(uuid, uuid[]) to authenticated;

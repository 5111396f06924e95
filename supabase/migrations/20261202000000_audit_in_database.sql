-- The database writes the audit log. Every change to an audited table, by any
-- path (the app through withRls, a job through withServiceRole, SQL run as
-- authenticated), appends its entry from a trigger in the same transaction.
-- The actor comes from the verified claims (auth.uid()) or, on service paths,
-- from app.actor_id; request id, ip and user agent come from the transaction
-- settings app.request_id, app.client_ip and app.user_agent, which only
-- lib/db (withRls / withServiceRole) sets. No API role may insert into
-- audit_log directly: private.write_audit is the one writer.

-- The one writer ------------------------------------------------------------------
create function private.write_audit(
  org_id uuid,
  action text,
  target_type text,
  target_id text,
  before jsonb,
  after jsonb
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := coalesce(
    (select auth.uid()),
    nullif(current_setting('app.actor_id', true), '')::uuid
  );
  ip_text text := nullif(current_setting('app.client_ip', true), '');
begin
  -- The organization is being deleted (cascade): its log goes with it.
  if not exists (select 1 from public.organizations o where o.id = write_audit.org_id) then
    return;
  end if;
  -- clock_timestamp(): entries of one transaction keep the order of their changes.
  insert into public.audit_log (org_id, actor_id, action, target_type, target_id, before, after, request_id, ip, user_agent, created_at)
  values (
    write_audit.org_id,
    actor,
    write_audit.action,
    write_audit.target_type,
    write_audit.target_id,
    write_audit.before,
    write_audit.after,
    left(nullif(current_setting('app.request_id', true), ''), 128),
    case when ip_text ~ '^[0-9a-fA-F:.]+$' then ip_text::inet end,
    left(nullif(current_setting('app.user_agent', true), ''), 512),
    clock_timestamp()
  );
end;
$$;
comment on function private.write_audit(uuid, text, text, text, jsonb, jsonb) is
  'Appends one audit entry stamped with the actor (claims or app.actor_id) and the request context set by lib/db. Called by audit triggers only.';
revoke execute on function private.write_audit(uuid, text, text, text, jsonb, jsonb) from public, anon, authenticated, service_role;

-- Only what changed, as {before, after} objects of the changed keys.
create function private.audit_changes(old_row jsonb, new_row jsonb, keys text[])
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object(
    'before', coalesce(jsonb_object_agg(k, old_row -> k), '{}'::jsonb),
    'after', coalesce(jsonb_object_agg(k, new_row -> k), '{}'::jsonb)
  )
  from unnest(keys) as k
  where (old_row -> k) is distinct from (new_row -> k);
$$;
revoke execute on function private.audit_changes(jsonb, jsonb, text[]) from public, anon, authenticated, service_role;

create function private.user_email(user_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select u.email::text from auth.users u where u.id = user_email.user_id;
$$;
revoke execute on function private.user_email(uuid) from public, anon, authenticated, service_role;

-- organizations ---------------------------------------------------------------------
create function private.audit_organizations()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  diff jsonb;
begin
  if tg_op = 'INSERT' then
    perform private.write_audit(new.id, 'organization.created', 'organization', new.id::text,
      null, jsonb_build_object('name', new.name, 'slug', new.slug));
  elsif tg_op = 'UPDATE' then
    diff := private.audit_changes(to_jsonb(old), to_jsonb(new), array['name', 'slug']);
    if diff -> 'after' <> '{}'::jsonb then
      perform private.write_audit(new.id, 'organization.updated', 'organization', new.id::text,
        diff -> 'before', diff -> 'after');
    end if;
  end if;
  -- DELETE: the log is deleted with the organization; lib/orgs logs it to the server log.
  return null;
end;
$$;
revoke execute on function private.audit_organizations() from public, anon, authenticated, service_role;

create trigger organizations_audit
  after insert or update on public.organizations
  for each row execute function private.audit_organizations();

-- memberships -----------------------------------------------------------------------
create function private.audit_memberships()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := coalesce((select auth.uid()), nullif(current_setting('app.actor_id', true), '')::uuid);
begin
  if tg_op = 'INSERT' then
    perform private.write_audit(new.org_id, 'member.joined', 'user', new.user_id::text,
      null, jsonb_build_object('role', new.role, 'email', private.user_email(new.user_id)));
  elsif tg_op = 'UPDATE' then
    if new.role is distinct from old.role then
      perform private.write_audit(new.org_id, 'member.role_changed', 'user', new.user_id::text,
        jsonb_build_object('role', old.role, 'email', private.user_email(old.user_id)),
        jsonb_build_object('role', new.role, 'email', private.user_email(new.user_id)));
    end if;
  else
    perform private.write_audit(old.org_id,
      case when old.user_id = actor then 'member.left' else 'member.removed' end,
      'user', old.user_id::text,
      jsonb_build_object('role', old.role, 'email', private.user_email(old.user_id)), null);
  end if;
  return null;
end;
$$;
revoke execute on function private.audit_memberships() from public, anon, authenticated, service_role;

create trigger memberships_audit
  after insert or update or delete on public.memberships
  for each row execute function private.audit_memberships();

-- invitations -----------------------------------------------------------------------
create function private.audit_invitations()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  who jsonb;
begin
  if tg_op = 'INSERT' then
    perform private.write_audit(new.org_id, 'invitation.created', 'invitation', new.id::text,
      null, jsonb_build_object('email', new.email, 'role', new.role, 'expires_at', new.expires_at));
    return null;
  end if;
  who := jsonb_build_object('email', new.email, 'role', new.role);
  if new.accepted_at is not null and old.accepted_at is null then
    perform private.write_audit(new.org_id, 'invitation.accepted', 'invitation', new.id::text,
      null, who || jsonb_build_object('accepted_by', new.accepted_by));
  elsif new.revoked_at is not null and old.revoked_at is null then
    perform private.write_audit(new.org_id, 'invitation.revoked', 'invitation', new.id::text, who, null);
  elsif new.token_hash is distinct from old.token_hash then
    perform private.write_audit(new.org_id, 'invitation.resent', 'invitation', new.id::text,
      jsonb_build_object('expires_at', old.expires_at), who || jsonb_build_object('expires_at', new.expires_at));
  end if;
  return null;
end;
$$;
revoke execute on function private.audit_invitations() from public, anon, authenticated, service_role;

create trigger invitations_audit
  after insert or update on public.invitations
  for each row execute function private.audit_invitations();

-- Nobody writes entries directly any more ---------------------------------------------
drop policy audit_log_insert on public.audit_log;
revoke insert on public.audit_log from authenticated, anon, service_role;

comment on table public.audit_log is
  'Append-only record of changes per organization (actor, action, target, before/after, request id, ip, user agent), written only by audit triggers through private.write_audit. actor_id has no FK so entries outlive users; entries are removed only with their organization.';

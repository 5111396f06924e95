-- One way in to the data (docs/decisions/0004): the Data API is off, API roles
-- hold only what withRls needs, invitations change only the way the app changes
-- them, and a signed-out session's tokens stop working at once.

-- Functions are not executable by PUBLIC by default -----------------------------------
-- Postgres grants EXECUTE to PUBLIC globally; a per-schema "alter default
-- privileges ... revoke" cannot remove a global default, so the earlier
-- per-schema statements did nothing for PUBLIC. This one does, for every
-- function the migration role creates from here on.
alter default privileges revoke execute on functions from public;

-- Foreign keys get an index (deletes and key updates on the parent scan them) -----
create index memberships_role_fk_idx on public.memberships (role);
create index invitations_role_idx on public.invitations (role);
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);

-- Invitations: only the transitions the app makes ---------------------------------------
-- Resend (a new token_hash while pending) and revoke (revoked_at from null to
-- now, once). Accepted and revoked invitations are final; nothing else changes.
create function private.guard_invitation_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.accepted_at is not null or old.revoked_at is not null then
    raise exception 'This invitation was already %; it cannot change.',
      case when old.accepted_at is not null then 'accepted' else 'revoked' end
      using errcode = 'insufficient_privilege', constraint = 'invitations_final';
  end if;
  if (new.org_id, new.email, new.role, new.invited_by, new.created_at)
     is distinct from (old.org_id, old.email, old.role, old.invited_by, old.created_at) then
    raise exception 'An invitation''s organization, email, role, inviter and creation time cannot change.'
      using errcode = 'insufficient_privilege', constraint = 'invitations_immutable';
  end if;
  if new.revoked_at is not null then
    if new.token_hash <> old.token_hash or new.accepted_at is not null then
      raise exception 'Revoking an invitation changes nothing else.'
        using errcode = 'insufficient_privilege', constraint = 'invitations_revoke_only';
    end if;
    new.revoked_at := now();
  end if;
  if new.accepted_at is not null then
    new.accepted_at := now();
  elsif new.accepted_by is not null then
    raise exception 'accepted_by is set only when the invitation is accepted.'
      using errcode = 'insufficient_privilege', constraint = 'invitations_accept_only';
  end if;
  return new;
end;
$$;
revoke execute on function private.guard_invitation_update() from public, anon, authenticated, service_role;

create trigger invitations_guard_update
  before update on public.invitations
  for each row execute function private.guard_invitation_update();

drop policy invitations_update on public.invitations;
create policy invitations_update on public.invitations for update to authenticated
  using (
    accepted_at is null
    and (select private.has_permission(org_id, 'members:invite'))
    and (select r.level from public.roles r where r.key = invitations.role)
        <= (select private.current_role_level(org_id))
  )
  with check (
    accepted_at is null
    and (select private.has_permission(org_id, 'members:invite'))
    and (select r.level from public.roles r where r.key = invitations.role)
        <= (select private.current_role_level(org_id))
  );

-- Sessions end when they end ---------------------------------------------------------
-- lib/db calls this in the statement that sets the caller: a token whose
-- session was signed out (or has passed its not_after) is refused at once,
-- not when the token expires.
create function private.assert_session_active()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  sid text := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'session_id';
begin
  if sid is null or sid = '' then
    return true;
  end if;
  if sid !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
     or not exists (
       select 1 from auth.sessions s
       where s.id = sid::uuid and (s.not_after is null or s.not_after > now())
     ) then
    raise exception 'Your session has ended. Sign in again.'
      using errcode = '28000', constraint = 'session_ended';
  end if;
  return true;
end;
$$;
comment on function private.assert_session_active() is
  'Raises 28000 (session_ended) when the claims name a session that no longer exists or has passed not_after.';
-- The caller's membership in one organization, read by the same statement
-- (docs/decisions/0012), so services check permissions without another query.
create function private.caller_membership(org_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'org_id', m.org_id, 'user_id', m.user_id, 'role', m.role, 'level', r.level,
    'permissions', coalesce(
      (select jsonb_agg(rp.permission order by rp.permission) from public.role_permissions rp where rp.role = m.role),
      '[]'::jsonb))
  from public.memberships m
  join public.roles r on r.key = m.role
  where m.org_id = caller_membership.org_id and m.user_id = (select auth.uid());
$$;
comment on function private.caller_membership(uuid) is
  'The current user''s membership in the organization (role, level, permissions) as JSON, or null.';
revoke execute on function private.caller_membership(uuid) from public;

-- The statement that sets the caller runs these before the role switch takes
-- effect, as the app's login role (authenticator locally; on hosted projects
-- the role the README creates, which is granted it the same way).
revoke execute on function private.assert_session_active() from public;
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'authenticator') then
    grant usage on schema private to authenticator;
    grant execute on function private.assert_session_active() to authenticator;
    grant execute on function private.caller_membership(uuid) to authenticator;
  end if;
end
$$;

-- The service role gets only what service paths need, as on hosted projects
-- (whose defaults grant every new table in public to it) so locally. Existing
-- tables keep the explicit grants their migrations made.
alter default privileges in schema public revoke all on tables from service_role;
alter default privileges in schema public revoke all on sequences from service_role;
alter default privileges in schema public revoke all on functions from service_role;

-- Memberships: who belongs to which organization with which role. Rules held by
-- the database for every caller:
--   * nobody grants or changes a role above their own level, nor acts on a
--     member above their own level (policies, for signed-in users);
--   * the last owner cannot be demoted, removed or leave (trigger, for everyone,
--     serialized per organization by a row lock so concurrent demotions cannot
--     leave zero owners);
--   * only owners make owners (follows from the level rule).
-- Rows are created by the service path (organization creation, accepted
-- invitations); signed-in users have no insert grant.

create table public.memberships (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null references public.roles (key) on update cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
create index memberships_org_id_created_at_idx on public.memberships (org_id, created_at, user_id);
create index memberships_user_id_idx on public.memberships (user_id);
create index memberships_role_idx on public.memberships (org_id, role);
comment on table public.memberships is
  'A user''s role in an organization. Last sign-in comes from auth.users.last_sign_in_at (see private.member_directory).';

create trigger memberships_set_updated_at
  before update on public.memberships
  for each row execute function private.set_updated_at();

-- Last owner ------------------------------------------------------------------
create function private.protect_last_owner()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.org_id <> old.org_id or new.user_id <> old.user_id) then
    raise exception 'A membership cannot move to another organization or user.'
      using errcode = 'check_violation', constraint = 'memberships_immutable_keys';
  end if;
  if old.role <> 'owner' or (tg_op = 'UPDATE' and new.role = 'owner') then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  -- Serialize owner changes per organization. Each statement below takes a new
  -- snapshot (read committed), so after waiting for the lock it sees the owner
  -- changes the other transaction committed.
  perform 1 from public.organizations o where o.id = old.org_id for no key update;
  if not found then
    -- The organization itself is being deleted (cascade): nothing to protect.
    return old;
  end if;
  if not exists (
    select 1 from public.memberships m
    where m.org_id = old.org_id and m.role = 'owner' and m.user_id <> old.user_id
  ) then
    raise exception 'An organization needs at least one owner: transfer ownership first or delete the organization.'
      using errcode = 'check_violation', constraint = 'memberships_last_owner';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
revoke execute on function private.protect_last_owner() from public;

create trigger memberships_protect_last_owner
  before update or delete on public.memberships
  for each row execute function private.protect_last_owner();

-- Policies --------------------------------------------------------------------
alter table public.memberships enable row level security;

create policy memberships_select on public.memberships for select to authenticated
  using (
    user_id = (select auth.uid())
    or (select private.has_permission(org_id, 'members:read'))
  );

create policy memberships_update on public.memberships for update to authenticated
  using (
    (select private.has_permission(org_id, 'members:update_role'))
    and (select r.level from public.roles r where r.key = memberships.role)
        <= (select private.current_role_level(org_id))
  )
  with check (
    (select private.has_permission(org_id, 'members:update_role'))
    and (select r.level from public.roles r where r.key = memberships.role)
        <= (select private.current_role_level(org_id))
  );

create policy memberships_delete on public.memberships for delete to authenticated
  using (
    user_id = (select auth.uid())
    or (
      (select private.has_permission(org_id, 'members:remove'))
      and (select r.level from public.roles r where r.key = memberships.role)
          <= (select private.current_role_level(org_id))
    )
  );

grant select, delete on public.memberships to authenticated;
grant update (role) on public.memberships to authenticated;
grant select, insert, update, delete on public.memberships to service_role;

-- Member directory --------------------------------------------------------------
-- Members' email, name and last sign-in live in auth.users, which clients cannot
-- read. This view (owned by the migration role, so it reads auth.users) shows a
-- row only to holders of members:read in that organization. security_barrier
-- keeps callers' predicates from running before that check.
create view private.member_directory with (security_barrier = true) as
select
  m.org_id,
  m.user_id,
  m.role,
  m.created_at as joined_at,
  u.email::text as email,
  coalesce(u.raw_user_meta_data ->> 'full_name', u.raw_user_meta_data ->> 'name', '') as name,
  u.last_sign_in_at
from public.memberships m
join auth.users u on u.id = m.user_id
where (select private.has_permission(m.org_id, 'members:read'));
comment on view private.member_directory is
  'Members with email, name and last sign-in, visible only to holders of members:read in the organization.';

revoke all on private.member_directory from public;
grant select on private.member_directory to authenticated;

-- Roles and permissions as data, and the private helpers every tenant policy
-- calls. Roles: owner > admin > member > viewer (numeric level). Permissions are
-- named area:action. The private schema is not exposed through the API
-- (config.toml exposes only public); authenticated may only execute the two
-- helpers below, which policies need.

create schema private;
comment on schema private is
  'Not exposed through the API: security-definer helpers for RLS policies and triggers.';
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;
alter default privileges in schema private revoke execute on functions from public;

-- roles -----------------------------------------------------------------------
create table public.roles (
  key text primary key check (key ~ '^[a-z_]{3,20}$'),
  level smallint not null unique check (level > 0),
  name text not null check (char_length(name) between 1 and 40),
  description text not null default ''
);
comment on table public.roles is
  'Membership roles with a numeric level (higher outranks lower). Managed by migrations only.';

-- permissions -----------------------------------------------------------------
create table public.permissions (
  key text primary key check (key ~ '^[a-z_]+:[a-z_]+$'),
  description text not null default ''
);
comment on table public.permissions is
  'Permissions named area:action that roles grant. Managed by migrations only.';

-- role_permissions ----------------------------------------------------------------
create table public.role_permissions (
  role text not null references public.roles (key) on update cascade on delete cascade,
  permission text not null references public.permissions (key) on update cascade on delete cascade,
  primary key (role, permission)
);
create index role_permissions_permission_idx on public.role_permissions (permission);
comment on table public.role_permissions is
  'Which permissions each role holds. Managed by migrations only.';

insert into public.roles (key, level, name, description) values
  ('owner', 40, 'Owner', 'Full control, including billing, ownership transfer and deleting the organization.'),
  ('admin', 30, 'Admin', 'Manages members, invitations and settings; reads the audit log.'),
  ('member', 20, 'Member', 'Does the work: projects, tasks.'),
  ('viewer', 10, 'Viewer', 'Reads the workspace and nothing else.');

insert into public.permissions (key, description) values
  ('org:read', 'See the organization.'),
  ('org:update', 'Rename the organization or change its slug.'),
  ('org:delete', 'Delete the organization and all its data.'),
  ('members:read', 'List members.'),
  ('members:invite', 'Invite, resend and revoke invitations; list pending ones.'),
  ('members:update_role', 'Change roles up to one''s own level.'),
  ('members:remove', 'Remove members up to one''s own level.'),
  ('audit:read', 'Read the audit log.'),
  ('billing:manage', 'Change plan and payment details.'),
  ('templates:read', 'Browse industry templates.'),
  ('projects:read', 'See projects.'),
  ('projects:create', 'Create projects.'),
  ('projects:deploy', 'Deploy projects.'),
  ('tasks:read', 'See tasks.'),
  ('tasks:create', 'Create tasks.'),
  ('tasks:assign', 'Assign tasks.'),
  ('approvals:read', 'See approvals.'),
  ('approvals:decide', 'Approve or reject.');

insert into public.role_permissions (role, permission)
select 'viewer', p from unnest(array[
  'org:read', 'members:read', 'templates:read', 'projects:read', 'tasks:read', 'approvals:read'
]) as p
union all
select 'member', p from unnest(array[
  'org:read', 'members:read', 'templates:read', 'projects:read', 'tasks:read', 'approvals:read',
  'projects:create', 'tasks:create', 'tasks:assign'
]) as p
union all
select 'admin', p from unnest(array[
  'org:read', 'members:read', 'templates:read', 'projects:read', 'tasks:read', 'approvals:read',
  'projects:create', 'tasks:create', 'tasks:assign',
  'org:update', 'members:invite', 'members:update_role', 'members:remove', 'audit:read',
  'projects:deploy', 'approvals:decide'
]) as p
union all
select 'owner', key from public.permissions;

alter table public.roles enable row level security;
alter table public.permissions enable row level security;
alter table public.role_permissions enable row level security;

-- Signed-in users may read the catalog (the UI shows what each role can do);
-- nobody but migrations writes it.
create policy roles_select on public.roles for select to authenticated using (true);
create policy permissions_select on public.permissions for select to authenticated using (true);
create policy role_permissions_select on public.role_permissions for select to authenticated using (true);

grant select on public.roles, public.permissions, public.role_permissions to authenticated, service_role;

-- Helpers ---------------------------------------------------------------------
-- plpgsql so they can be created before public.memberships exists (its body is
-- resolved at first call). Definer: they must read memberships without
-- recursing into memberships' own policies.

create function private.has_permission(org_id uuid, permission text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1
    from public.memberships m
    join public.role_permissions rp on rp.role = m.role
    where m.org_id = has_permission.org_id
      and m.user_id = (select auth.uid())
      and rp.permission = has_permission.permission
  );
end;
$$;
comment on function private.has_permission(uuid, text) is
  'True when the current user (auth.uid()) holds the permission in the organization.';

create function private.current_role_level(org_id uuid)
returns smallint
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (
    select r.level
    from public.memberships m
    join public.roles r on r.key = m.role
    where m.org_id = current_role_level.org_id
      and m.user_id = (select auth.uid())
  );
end;
$$;
comment on function private.current_role_level(uuid) is
  'The current user''s role level in the organization, or null when not a member.';

revoke execute on function private.has_permission(uuid, text) from public;
revoke execute on function private.current_role_level(uuid) from public;
grant execute on function private.has_permission(uuid, text) to authenticated, service_role;
grant execute on function private.current_role_level(uuid) to authenticated, service_role;

create function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
revoke execute on function private.set_updated_at() from public;

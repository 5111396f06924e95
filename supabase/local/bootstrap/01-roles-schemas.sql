-- Local Supabase bootstrap: what a hosted Supabase project provides before any
-- migration runs. Applied only to clusters this project created itself
-- (embedded Postgres) or when SUPABASE_BOOTSTRAP=true. Idempotent.
-- Secure by default: nothing here grants table access to anon/authenticated
-- beyond what Supabase itself exposes; migrations grant what they need.

-- Roles -----------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    -- The login role the app server (and PostgREST on hosted Supabase) uses.
    -- It holds no privileges itself and cannot bypass RLS; it switches to
    -- anon/authenticated/service_role with SET LOCAL ROLE.
    create role authenticator login noinherit nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    -- Owner of the auth schema; the local auth server logs in as this role.
    create role supabase_auth_admin login noinherit createrole nobypassrls;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- Schemas ---------------------------------------------------------------------
create schema if not exists extensions;
create schema if not exists auth authorization supabase_auth_admin;
create schema if not exists realtime;

create extension if not exists pgcrypto with schema extensions;

grant usage on schema public, extensions to anon, authenticated, service_role;
grant usage on schema auth to anon, authenticated, service_role;
-- The auth server verifies bcrypt hashes (e.g. seeded with crypt()) through pgcrypto.
grant usage on schema extensions to supabase_auth_admin;
grant usage on schema realtime to anon, authenticated, service_role;
grant create on schema public to service_role;

-- Nothing is granted on tables by default: not in public, not in auth.
revoke all on schema public from public;
grant usage on schema public to public;

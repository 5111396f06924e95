-- Foundation: secure defaults and a small tenant-scoped demo table that proves
-- the RLS data path (lib/db withRls). The tenancy migration replaces demo_notes.

-- Secure by default, also on hosted Supabase (whose defaults grant every new
-- table in public to anon and authenticated): nothing is exposed unless a
-- migration grants it explicitly.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated, public;

create table public.demo_notes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  author_id uuid not null default auth.uid(),
  body text not null check (char_length(body) between 1 and 2000),
  created_at timestamptz not null default now()
);
comment on table public.demo_notes is
  'Demo tenant-scoped notes proving the RLS path; replaced by the tenancy migration.';
create index demo_notes_org_id_created_at_idx on public.demo_notes (org_id, created_at);

alter table public.demo_notes enable row level security;

-- Until organizations exist, the org a user acts in comes from the verified
-- token's app_metadata.org_id (set by the auth server; users cannot edit it).
create policy demo_notes_select on public.demo_notes for select to authenticated
  using (org_id = ((select auth.jwt()) -> 'app_metadata' ->> 'org_id')::uuid);
create policy demo_notes_insert on public.demo_notes for insert to authenticated
  with check (
    org_id = ((select auth.jwt()) -> 'app_metadata' ->> 'org_id')::uuid
    and author_id = (select auth.uid())
  );
create policy demo_notes_update on public.demo_notes for update to authenticated
  using (org_id = ((select auth.jwt()) -> 'app_metadata' ->> 'org_id')::uuid and author_id = (select auth.uid()))
  with check (org_id = ((select auth.jwt()) -> 'app_metadata' ->> 'org_id')::uuid and author_id = (select auth.uid()));
create policy demo_notes_delete on public.demo_notes for delete to authenticated
  using (org_id = ((select auth.jwt()) -> 'app_metadata' ->> 'org_id')::uuid and author_id = (select auth.uid()));

grant select, insert, update, delete on public.demo_notes to authenticated;
grant all on public.demo_notes to service_role;

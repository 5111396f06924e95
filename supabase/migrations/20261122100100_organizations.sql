-- Organizations (tenants), reached on <slug>.<root domain>. Created through the
-- service path (the creator is not a member yet); members read, admins update,
-- owners delete. Deleting an organization cascades to all its tenant data.

-- reserved_slugs --------------------------------------------------------------
create table public.reserved_slugs (
  slug text primary key check (slug ~ '^[a-z0-9-]+$'),
  reason text not null default 'platform'
);
comment on table public.reserved_slugs is
  'Subdomains no organization may take (platform hosts, auth, mail, common names). Kept in sync with lib/orgs/reserved-slugs.ts by a test.';

insert into public.reserved_slugs (slug, reason)
select s, 'platform' from unnest(array[
  'www', 'app', 'api', 'admin', 'auth', 'mail', 'status', 'docs', 'billing', 'support',
  'help', 'blog', 'dashboard', 'login', 'logout', 'signin', 'sign-in', 'signup', 'sign-up',
  'register', 'account', 'accounts', 'settings', 'static', 'assets', 'cdn', 'media', 'files',
  'images', 'img', 'dev', 'staging', 'test', 'demo', 'internal', 'root', 'system', 'security',
  'abuse', 'postmaster', 'hostmaster', 'webmaster', 'noreply', 'no-reply', 'smtp', 'imap', 'pop',
  'ftp', 'ns1', 'ns2', 'dns', 'email', 'about', 'pricing', 'legal', 'terms', 'privacy',
  'careers', 'jobs', 'news', 'console', 'portal', 'oauth', 'sso', 'team', 'teams', 'org', 'orgs',
  'new', 'inngest', 'realtime', 'storage', 'functions', 'rest', 'graphql', 'supabase',
  'webhooks', 'stripe', 'localhost', 'tenantforge'
]) as s;

alter table public.reserved_slugs enable row level security;
create policy reserved_slugs_select on public.reserved_slugs for select to authenticated using (true);
grant select on public.reserved_slugs to authenticated, service_role;

-- organizations ---------------------------------------------------------------
create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null constraint organizations_name_length check (char_length(btrim(name)) between 1 and 100),
  slug text not null
    constraint organizations_slug_length check (char_length(slug) between 3 and 40)
    constraint organizations_slug_format check (slug ~ '^[a-z0-9][a-z0-9-]*[a-z0-9]$' and slug !~ '--'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index organizations_slug_key on public.organizations (lower(slug));
create index organizations_created_at_idx on public.organizations (created_at);
comment on table public.organizations is
  'Tenants. The slug is the subdomain: 3-40 chars a-z0-9-, no leading/trailing or double hyphen, not reserved, unique case-insensitively.';

create function private.reject_reserved_slug()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if exists (select 1 from public.reserved_slugs r where r.slug = lower(new.slug)) then
    raise exception 'The subdomain "%" is reserved.', new.slug
      using errcode = 'check_violation', constraint = 'organizations_slug_not_reserved';
  end if;
  return new;
end;
$$;
revoke execute on function private.reject_reserved_slug() from public;

create trigger organizations_reject_reserved_slug
  before insert or update of slug on public.organizations
  for each row execute function private.reject_reserved_slug();
create trigger organizations_set_updated_at
  before update on public.organizations
  for each row execute function private.set_updated_at();

alter table public.organizations enable row level security;

-- No insert policy: organizations are created by createOrganization through the
-- service path, which also makes the creator the owner in the same transaction.
create policy organizations_select on public.organizations for select to authenticated
  using ((select private.has_permission(id, 'org:read')));
create policy organizations_update on public.organizations for update to authenticated
  using ((select private.has_permission(id, 'org:update')))
  with check ((select private.has_permission(id, 'org:update')));
create policy organizations_delete on public.organizations for delete to authenticated
  using ((select private.has_permission(id, 'org:delete')));

grant select, delete on public.organizations to authenticated;
grant update (name, slug) on public.organizations to authenticated;
grant select, insert, update, delete on public.organizations to service_role;

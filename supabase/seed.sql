-- Local demo data (npm run dev; never run against a hosted project by default).
-- Idempotent: runs on every start. Logins (password for all: tenantforge-demo):
--   owner@acme.test (owner), admin@acme.test (admin), member@acme.test (member),
--   viewer@acme.test (viewer) in "Acme Health" at acme.<root domain>.
with demo(id, email, name) as (
  values
    ('00000000-0000-4000-8000-0000000000a1'::uuid, 'owner@acme.test', 'Olivia Owner'),
    ('00000000-0000-4000-8000-0000000000a2'::uuid, 'admin@acme.test', 'Adam Admin'),
    ('00000000-0000-4000-8000-0000000000a3'::uuid, 'member@acme.test', 'Mia Member'),
    ('00000000-0000-4000-8000-0000000000a4'::uuid, 'viewer@acme.test', 'Victor Viewer')
)
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at
)
select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email,
       extensions.crypt('tenantforge-demo', extensions.gen_salt('bf')), now(),
       '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', name), now(), now()
from demo
on conflict (id) do nothing;

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
       'email', now(), now()
from auth.users u
where u.id in ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2',
               '00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-0000000000a4')
on conflict (provider_id, provider) do nothing;

insert into public.organizations (id, name, slug)
values ('00000000-0000-4000-8000-00000000a000', 'Acme Health', 'acme')
on conflict do nothing;

insert into public.memberships (org_id, user_id, role)
values
  ('00000000-0000-4000-8000-00000000a000', '00000000-0000-4000-8000-0000000000a1', 'owner'),
  ('00000000-0000-4000-8000-00000000a000', '00000000-0000-4000-8000-0000000000a2', 'admin'),
  ('00000000-0000-4000-8000-00000000a000', '00000000-0000-4000-8000-0000000000a3', 'member'),
  ('00000000-0000-4000-8000-00000000a000', '00000000-0000-4000-8000-0000000000a4', 'viewer')
on conflict do nothing;

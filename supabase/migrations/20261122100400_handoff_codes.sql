-- Handoff codes move a signed-in user between hosts (apex <-> tenant) without a
-- parent-domain cookie: random, stored as sha256 hex, bound to one user and one
-- target host, valid 60 seconds, single use. Service path only: clients have no
-- grant, and the only policy names the service role.

create table public.handoff_codes (
  id uuid primary key default gen_random_uuid(),
  code_hash text not null unique constraint handoff_codes_code_hash_format check (code_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  target_host text not null constraint handoff_codes_target_host_format check (target_host ~ '^[a-z0-9.-]+(:[0-9]{1,5})?$'),
  expires_at timestamptz not null default now() + interval '60 seconds',
  used_at timestamptz,
  created_at timestamptz not null default now(),
  constraint handoff_codes_short_lived check (expires_at <= created_at + interval '60 seconds')
);
create index handoff_codes_expires_at_idx on public.handoff_codes (expires_at);
create index handoff_codes_user_id_idx on public.handoff_codes (user_id);
comment on table public.handoff_codes is
  'Single-use, 60-second codes (hashed) that hand a session to one target host for one user. Service role only.';

alter table public.handoff_codes enable row level security;

create policy handoff_codes_service_only on public.handoff_codes for all to service_role
  using (true) with check (true);

grant select, insert, update, delete on public.handoff_codes to service_role;

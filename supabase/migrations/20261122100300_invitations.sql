-- Invitations by email with a role below owner. Only the sha256 of the token is
-- stored; the plaintext goes out once by email. Valid 7 days from the last send
-- (the trigger sets expires_at, callers cannot), single use (accepted_at), can be
-- resent (new token, old one invalid) and revoked. Accepting goes through the
-- service path with the accepting user's verified id and email.

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  email text not null
    constraint invitations_email_format check (email = lower(btrim(email)) and email ~ '^[^@\s]+@[^@\s]+$' and char_length(email) <= 254),
  role text not null references public.roles (key) on update cascade
    constraint invitations_role_not_owner check (role <> 'owner'),
  token_hash text not null unique constraint invitations_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null,
  sent_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  constraint invitations_accepted_or_revoked check (accepted_at is null or revoked_at is null)
);
create index invitations_org_id_created_at_idx on public.invitations (org_id, created_at, id);
create unique index invitations_one_pending_per_email on public.invitations (org_id, email)
  where accepted_at is null and revoked_at is null;
comment on table public.invitations is
  'Pending, accepted and revoked invitations; token stored as sha256 hex; 7-day expiry from the last send; single use.';

create function private.set_invitation_expiry()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.token_hash <> old.token_hash then
    new.sent_at := now();
    new.expires_at := now() + interval '7 days';
  end if;
  return new;
end;
$$;
revoke execute on function private.set_invitation_expiry() from public;

create trigger invitations_set_expiry
  before insert or update of token_hash on public.invitations
  for each row execute function private.set_invitation_expiry();

alter table public.invitations enable row level security;

create policy invitations_select on public.invitations for select to authenticated
  using ((select private.has_permission(org_id, 'members:invite')));

create policy invitations_insert on public.invitations for insert to authenticated
  with check (
    (select private.has_permission(org_id, 'members:invite'))
    and invited_by = (select auth.uid())
    and (select r.level from public.roles r where r.key = invitations.role)
        <= (select private.current_role_level(org_id))
  );

create policy invitations_update on public.invitations for update to authenticated
  using (
    accepted_at is null
    and (select private.has_permission(org_id, 'members:invite'))
    and (select r.level from public.roles r where r.key = invitations.role)
        <= (select private.current_role_level(org_id))
  )
  with check ((select private.has_permission(org_id, 'members:invite')));

-- No delete for signed-in users: revoke instead, so the history stays.

grant select on public.invitations to authenticated;
grant insert (org_id, email, role, token_hash, invited_by) on public.invitations to authenticated;
grant update (token_hash, revoked_at) on public.invitations to authenticated;
grant select, insert, update, delete on public.invitations to service_role;

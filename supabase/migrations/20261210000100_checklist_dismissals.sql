-- Checklists a member has put away (the workspace home's "Get started"), per
-- user per organization. Which items are done is not stored: it follows from
-- the organization's data (an invitation exists, a second member joined).
-- A member reads and writes only their own rows, and only while a member.
-- Not audited: hiding a checklist is a personal display preference, not a
-- change to the organization.

create table public.checklist_dismissals (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  checklist text not null
    constraint checklist_dismissals_checklist_format check (checklist ~ '^[a-z][a-z_]*$' and char_length(checklist) <= 40),
  dismissed_at timestamptz not null default now(),
  primary key (org_id, user_id, checklist)
);
create index checklist_dismissals_user_id_idx on public.checklist_dismissals (user_id);
comment on table public.checklist_dismissals is
  'Checklists (e.g. get_started on the workspace home) a member dismissed, per user per organization. Completion is derived from data, not stored. Not audited (a personal display preference).';

alter table public.checklist_dismissals enable row level security;

create policy checklist_dismissals_select on public.checklist_dismissals for select to authenticated
  using (
    user_id = (select auth.uid())
    and (select private.current_role_level(org_id)) is not null
  );

create policy checklist_dismissals_insert on public.checklist_dismissals for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and (select private.current_role_level(org_id)) is not null
  );

-- Dismissing is final for now: no update or delete grant, so no policy for them.
-- dismissed_at is not the caller's to choose.
grant select on public.checklist_dismissals to authenticated;
grant insert (org_id, user_id, checklist) on public.checklist_dismissals to authenticated;

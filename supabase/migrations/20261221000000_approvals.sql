-- Approvals: a request (a type, a subject, a payload the app validates with the type's zod
-- schema) waits for a quorum of its approvers, or a rejection, its expiry or its cancellation.
-- Rules held by the database for every caller (rules in 20261221000100_approvals_rules.sql):
--   * status moves only pending → approved | rejected | expired | cancelled, and stays final;
--     approved needs `quorum` approve decisions, rejected a reject decision, expired its time;
--   * one decision per approver per request, by a listed approver who still holds
--     approvals:decide, never by the requester, only while pending and before expiry;
--   * the requester is never among the approvers.
-- Who approves and how many is the organization's policy per type (approval_policies); the
-- app resolves it into the request's approver ids when the request is made.

-- Policies --------------------------------------------------------------------------
create table public.approval_policies (
  org_id uuid not null references public.organizations (id) on delete cascade,
  type text not null constraint approval_policies_type_format check (type ~ '^[a-z][a-z0-9_]{0,59}$'),
  required boolean not null default false,
  approver_role text references public.roles (key) on update cascade,
  approver_ids uuid[] not null default '{}'
    constraint approval_policies_approver_ids_size check (cardinality(approver_ids) <= 50),
  quorum smallint not null default 1 constraint approval_policies_quorum_range check (quorum between 1 and 20),
  expiry_hours smallint not null default 72 constraint approval_policies_expiry_range check (expiry_hours between 1 and 720),
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, type),
  constraint approval_policies_one_kind_of_approvers check ((approver_role is null) <> (cardinality(approver_ids) = 0))
);
create index approval_policies_approver_role_idx on public.approval_policies (approver_role);
create index approval_policies_updated_by_idx on public.approval_policies (updated_by);
comment on table public.approval_policies is
  'Per organization and approval type: whether the change needs approval, who approves (a role and above, or named members holding approvals:decide), the quorum and the expiry in hours (72 by default).';

create trigger approval_policies_set_updated_at
  before update on public.approval_policies
  for each row execute function private.set_updated_at();

-- Requests --------------------------------------------------------------------------
create table public.approval_requests (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  type text not null constraint approval_requests_type_format check (type ~ '^[a-z][a-z0-9_]{0,59}$'),
  subject text not null constraint approval_requests_subject_length check (char_length(subject) between 1 and 200),
  payload jsonb not null default '{}'
    constraint approval_requests_payload_object check (jsonb_typeof(payload) = 'object' and pg_column_size(payload) <= 16384),
  requested_by uuid references auth.users (id) on delete set null,
  approvers uuid[] not null
    constraint approval_requests_approvers_size check (cardinality(approvers) between 1 and 50),
  quorum smallint not null constraint approval_requests_quorum_range check (quorum >= 1 and quorum <= cardinality(approvers)),
  expires_at timestamptz not null,
  status text not null default 'pending'
    constraint approval_requests_status_known check (status in ('pending', 'approved', 'rejected', 'expired', 'cancelled')),
  closed_at timestamptz,
  closed_by uuid references auth.users (id) on delete set null,
  close_reason text not null default '' constraint approval_requests_close_reason_length check (char_length(close_reason) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, org_id)
);
create index approval_requests_org_id_created_at_idx on public.approval_requests (org_id, created_at desc, id desc);
create index approval_requests_org_status_idx on public.approval_requests (org_id, status);
create index approval_requests_requested_by_idx on public.approval_requests (requested_by);
create index approval_requests_closed_by_idx on public.approval_requests (closed_by);
create index approval_requests_approvers_idx on public.approval_requests using gin (approvers);
comment on table public.approval_requests is
  'A change or sign-off waiting for approval: type, subject, payload (validated by the type''s zod schema), requester, approver ids resolved from the policy, quorum, expiry and a status pending → approved | rejected | expired | cancelled (trigger approval_requests_guard).';

-- Decisions -------------------------------------------------------------------------
create table public.approval_decisions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  request_id uuid not null,
  approver_id uuid not null references auth.users (id) on delete cascade,
  decision text not null constraint approval_decisions_decision_known check (decision in ('approve', 'reject')),
  reason text not null default '' constraint approval_decisions_reason_length check (char_length(reason) <= 1000),
  via text not null default 'app' constraint approval_decisions_via_known check (via in ('app', 'email')),
  created_at timestamptz not null default now(),
  foreign key (request_id, org_id) references public.approval_requests (id, org_id) on delete cascade,
  constraint approval_decisions_one_per_approver unique (request_id, approver_id)
);
create index approval_decisions_org_id_created_at_idx on public.approval_decisions (org_id, created_at);
create index approval_decisions_request_org_idx on public.approval_decisions (request_id, org_id);
create index approval_decisions_approver_id_idx on public.approval_decisions (approver_id);
comment on table public.approval_decisions is
  'One approve or reject per approver per request, with a reason; final (no update or delete grants). Made in the app or from an emailed link (via).';

-- History and comments --------------------------------------------------------------
create table public.approval_events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  request_id uuid not null,
  actor_id uuid references auth.users (id) on delete set null,
  kind text not null constraint approval_events_kind_known
    check (kind in ('requested', 'approve', 'reject', 'comment', 'approved', 'rejected', 'expired', 'cancelled')),
  body text not null default '' constraint approval_events_body_length check (char_length(body) <= 2000),
  created_at timestamptz not null default clock_timestamp(),
  foreign key (request_id, org_id) references public.approval_requests (id, org_id) on delete cascade
);
create index approval_events_org_id_created_at_idx on public.approval_events (org_id, created_at);
create index approval_events_request_org_idx on public.approval_events (request_id, org_id, created_at);
create index approval_events_actor_id_idx on public.approval_events (actor_id);
comment on table public.approval_events is
  'The history of a request: written by triggers for its creation, each decision and each status change; members add comments (kind comment).';

-- Emailed decision links ------------------------------------------------------------
create table public.approval_links (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  request_id uuid not null,
  approver_id uuid not null references auth.users (id) on delete cascade,
  token_hash text not null unique constraint approval_links_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (request_id, org_id) references public.approval_requests (id, org_id) on delete cascade,
  constraint approval_links_one_per_approver unique (request_id, approver_id)
);
create index approval_links_org_id_created_at_idx on public.approval_links (org_id, created_at);
create index approval_links_request_org_idx on public.approval_links (request_id, org_id);
create index approval_links_approver_id_idx on public.approval_links (approver_id);
comment on table public.approval_links is
  'The single-use decision link emailed to one approver for one request: sha256 of the token only, expiry, used_at. Service paths only (no API role reads it).';

-- Row level security ----------------------------------------------------------------
alter table public.approval_policies enable row level security;
alter table public.approval_requests enable row level security;
alter table public.approval_decisions enable row level security;
alter table public.approval_events enable row level security;
alter table public.approval_links enable row level security;

create policy approval_policies_select on public.approval_policies for select to authenticated
  using ((select private.has_permission(org_id, 'approvals:read')));
create policy approval_policies_insert on public.approval_policies for insert to authenticated
  with check ((select private.has_permission(org_id, 'approvals:manage')) and updated_by = (select auth.uid()));
create policy approval_policies_update on public.approval_policies for update to authenticated
  using ((select private.has_permission(org_id, 'approvals:manage')))
  with check ((select private.has_permission(org_id, 'approvals:manage')) and updated_by = (select auth.uid()));

create policy approval_requests_select on public.approval_requests for select to authenticated
  using ((select private.has_permission(org_id, 'approvals:read')));
create policy approval_requests_insert on public.approval_requests for insert to authenticated
  with check (
    (select private.has_permission(org_id, 'approvals:create'))
    and requested_by = (select auth.uid())
    and status = 'pending'
  );
-- Signed-in users only cancel (the requester, or a holder of approvals:manage); decisions
-- close requests through the decisions trigger, expiry through a service path.
create policy approval_requests_update on public.approval_requests for update to authenticated
  using (
    status = 'pending'
    and (requested_by = (select auth.uid()) or (select private.has_permission(org_id, 'approvals:manage')))
  )
  with check (
    status = 'cancelled'
    and (requested_by = (select auth.uid()) or (select private.has_permission(org_id, 'approvals:manage')))
  );

create policy approval_decisions_select on public.approval_decisions for select to authenticated
  using ((select private.has_permission(org_id, 'approvals:read')));
create policy approval_decisions_insert on public.approval_decisions for insert to authenticated
  with check (
    approver_id = (select auth.uid())
    and via = 'app'
    and (select private.has_permission(org_id, 'approvals:decide'))
  );

create policy approval_events_select on public.approval_events for select to authenticated
  using ((select private.has_permission(org_id, 'approvals:read')));
create policy approval_events_insert on public.approval_events for insert to authenticated
  with check (
    kind = 'comment'
    and actor_id = (select auth.uid())
    and (select private.has_permission(org_id, 'approvals:create'))
  );

-- approval_links: no policy for API roles; service_role bypasses RLS. This policy only
-- documents that signed-in users see nothing.
create policy approval_links_none on public.approval_links for select to authenticated using (false);

grant select on public.approval_policies, public.approval_requests, public.approval_decisions, public.approval_events
  to authenticated;
grant insert (org_id, type, required, approver_role, approver_ids, quorum, expiry_hours, updated_by)
  on public.approval_policies to authenticated;
grant update (required, approver_role, approver_ids, quorum, expiry_hours, updated_by)
  on public.approval_policies to authenticated;
grant insert (org_id, type, subject, payload, requested_by, approvers, quorum, expires_at)
  on public.approval_requests to authenticated;
grant update (status, close_reason) on public.approval_requests to authenticated;
grant insert (org_id, request_id, approver_id, decision, reason) on public.approval_decisions to authenticated;
grant insert (org_id, request_id, actor_id, kind, body) on public.approval_events to authenticated;

grant select on public.approval_policies, public.approval_requests, public.approval_decisions, public.approval_events
  to service_role;
grant update (status, close_reason) on public.approval_requests to service_role;
grant insert (org_id, request_id, approver_id, decision, reason, via) on public.approval_decisions to service_role;
grant select, insert, update, delete on public.approval_links to service_role;

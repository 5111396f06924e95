-- The approval rules, held by the database for every path (the app through withRls, the
-- emailed-link and expiry service paths, plain SQL). Authorization failures raise
-- insufficient_privilege (42501); state conflicts raise check_violation with a constraint
-- name lib/db/errors.ts translates.

-- Does this user hold this permission in this organization (for rows about another user). --
create function private.user_has_permission(org_id uuid, user_id uuid, permission text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    join public.role_permissions rp on rp.role = m.role
    where m.org_id = user_has_permission.org_id and m.user_id = user_has_permission.user_id
      and rp.permission = user_has_permission.permission
  );
$$;
comment on function private.user_has_permission(uuid, uuid, text) is
  'True when the given user (not the caller) holds the permission in the organization.';
revoke execute on function private.user_has_permission(uuid, uuid, text) from public, anon, authenticated, service_role;

-- Requests: who may be an approver, and the status machine ---------------------------------
create function private.approval_requests_guard()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  approvals int;
begin
  if tg_op = 'INSERT' then
    if new.requested_by = any (new.approvers) then
      raise exception 'The requester cannot be one of the approvers.'
        using errcode = '42501', constraint = 'approval_requests_self_approval';
    end if;
    if exists (
      select 1 from unnest(new.approvers) as a(id)
      where not private.user_has_permission(new.org_id, a.id, 'approvals:decide')
    ) or (select count(distinct a) from unnest(new.approvers) as a) <> cardinality(new.approvers) then
      raise exception 'Every approver must be a distinct member who holds approvals:decide.'
        using errcode = 'check_violation', constraint = 'approval_requests_approvers_eligible';
    end if;
    if new.expires_at <= now() then
      raise exception 'The expiry must be in the future.'
        using errcode = 'check_violation', constraint = 'approval_requests_expiry_future';
    end if;
    new.status := 'pending';
    new.closed_at := null;
    new.closed_by := null;
    new.created_at := now();
    return new;
  end if;

  if (new.id, new.org_id, new.type, new.subject, new.payload, new.requested_by, new.approvers, new.quorum, new.expires_at, new.created_at)
     is distinct from
     (old.id, old.org_id, old.type, old.subject, old.payload, old.requested_by, old.approvers, old.quorum, old.expires_at, old.created_at) then
    raise exception 'Only the status of an approval request changes.'
      using errcode = 'check_violation', constraint = 'approval_requests_immutable';
  end if;
  if new.status = old.status then
    return new;
  end if;
  if old.status <> 'pending' then
    raise exception 'This request is already %.', old.status
      using errcode = 'check_violation', constraint = 'approval_requests_final';
  end if;
  if new.status = 'approved' then
    select count(*) into approvals from public.approval_decisions d where d.request_id = new.id and d.decision = 'approve';
    if approvals < new.quorum then
      raise exception 'Approved needs % approvals; it has %.', new.quorum, approvals
        using errcode = 'check_violation', constraint = 'approval_requests_quorum_not_met';
    end if;
  elsif new.status = 'rejected' then
    if not exists (select 1 from public.approval_decisions d where d.request_id = new.id and d.decision = 'reject') then
      raise exception 'Rejected needs a reject decision.'
        using errcode = 'check_violation', constraint = 'approval_requests_no_rejection';
    end if;
  elsif new.status = 'expired' then
    if now() < new.expires_at then
      raise exception 'This request has not expired yet.'
        using errcode = 'check_violation', constraint = 'approval_requests_not_due';
    end if;
  end if;
  new.closed_at := now();
  new.closed_by := private.current_actor();
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.approval_requests_guard() is
  'Trigger: approvers are distinct members holding approvals:decide and never the requester; only status changes, once, from pending, with its evidence (quorum, a rejection, the expiry).';
revoke execute on function private.approval_requests_guard() from public, anon, authenticated, service_role;

create trigger approval_requests_guard
  before insert or update on public.approval_requests
  for each row execute function private.approval_requests_guard();

-- Decisions: a listed approver, not the requester, while pending and before expiry -----------
create function private.approval_decisions_guard()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  req public.approval_requests;
begin
  -- Lock the request: concurrent decisions are counted one after another.
  select * into req from public.approval_requests r
  where r.id = new.request_id and r.org_id = new.org_id for update;
  if not found then
    raise exception 'Approval request not found.' using errcode = '42501', constraint = 'approval_decisions_not_approver';
  end if;
  if new.approver_id is not distinct from req.requested_by then
    raise exception 'You cannot decide on your own request.'
      using errcode = '42501', constraint = 'approval_decisions_self_approval';
  end if;
  if not (new.approver_id = any (req.approvers))
     or not private.user_has_permission(new.org_id, new.approver_id, 'approvals:decide') then
    raise exception 'You are not an approver of this request.'
      using errcode = '42501', constraint = 'approval_decisions_not_approver';
  end if;
  if req.status <> 'pending' then
    raise exception 'This request is already %.', req.status
      using errcode = 'check_violation', constraint = 'approval_requests_final';
  end if;
  if now() >= req.expires_at then
    raise exception 'This request has expired.'
      using errcode = 'check_violation', constraint = 'approval_decisions_after_expiry';
  end if;
  new.created_at := now();
  return new;
end;
$$;
comment on function private.approval_decisions_guard() is
  'Trigger: a decision is made by a listed approver still holding approvals:decide, never the requester, while the request is pending and before it expires.';
revoke execute on function private.approval_decisions_guard() from public, anon, authenticated, service_role;

create trigger approval_decisions_guard
  before insert on public.approval_decisions
  for each row execute function private.approval_decisions_guard();

-- After each decision: record it, and close the request when a rejection or the quorum says so.
create function private.approval_decisions_settle()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  req public.approval_requests;
  approvals int;
begin
  insert into public.approval_events (org_id, request_id, actor_id, kind, body)
  values (new.org_id, new.request_id, new.approver_id, new.decision, new.reason);
  select * into req from public.approval_requests r where r.id = new.request_id;
  if new.decision = 'reject' then
    update public.approval_requests set status = 'rejected', close_reason = new.reason where id = new.request_id;
  else
    select count(*) into approvals from public.approval_decisions d where d.request_id = new.request_id and d.decision = 'approve';
    if approvals >= req.quorum then
      update public.approval_requests set status = 'approved', close_reason = new.reason where id = new.request_id;
    end if;
  end if;
  return null;
end;
$$;
comment on function private.approval_decisions_settle() is
  'Trigger: writes the decision into the history and closes the request (one rejection rejects; the quorum of approvals approves).';
revoke execute on function private.approval_decisions_settle() from public, anon, authenticated, service_role;

create trigger approval_decisions_settle
  after insert on public.approval_decisions
  for each row execute function private.approval_decisions_settle();

-- History of the request's own changes ---------------------------------------------------
create function private.approval_requests_history()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.approval_events (org_id, request_id, actor_id, kind, body)
    values (new.org_id, new.id, new.requested_by, 'requested', '');
  elsif new.status is distinct from old.status then
    -- A decision that closes the request already carries its reason in the history.
    insert into public.approval_events (org_id, request_id, actor_id, kind, body)
    values (new.org_id, new.id, new.closed_by, new.status,
            case when new.status in ('approved', 'rejected') then '' else new.close_reason end);
  end if;
  return null;
end;
$$;
comment on function private.approval_requests_history() is
  'Trigger: adds the request''s creation and status changes to approval_events.';
revoke execute on function private.approval_requests_history() from public, anon, authenticated, service_role;

create trigger approval_requests_history
  after insert or update on public.approval_requests
  for each row execute function private.approval_requests_history();

-- Who an approval job emails ------------------------------------------------------------
-- The email job (a service path) needs the approvers' addresses; auth.users stays closed to
-- service_role code, so this one definer function answers for one request's people only.
create function private.approval_people(request_id uuid)
returns table (user_id uuid, email text, name text, is_approver boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select u.id, u.email::text,
         coalesce(u.raw_user_meta_data ->> 'full_name', u.raw_user_meta_data ->> 'name', ''),
         u.id = any (r.approvers)
  from public.approval_requests r
  join auth.users u on u.id = any (r.approvers) or u.id = r.requested_by
  where r.id = approval_people.request_id;
$$;
comment on function private.approval_people(uuid) is
  'The requester and approvers of one approval request with email and name, for the approval email job (service_role only).';
revoke execute on function private.approval_people(uuid) from public, anon, authenticated, service_role;
grant execute on function private.approval_people(uuid) to service_role;

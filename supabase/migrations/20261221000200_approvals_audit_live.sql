-- Approvals in the audit log and live on every open page.
--   audit: approval.requested, approval.decided, approval.commented,
--          approval.approved | rejected | expired | cancelled, approval_policy.updated
--   live:  every history row (creation, decision, comment, status change) is announced on the
--          private topic org:<org id>:approvals with ids and the kind only; pages re-read
--          through RLS (docs/decisions/0020). Members of the org receive org:<id>:* already.

create function private.audit_approval_requests()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.write_audit(new.org_id, 'approval.requested', 'approval_request', new.id::text, null,
      jsonb_build_object('type', new.type, 'subject', new.subject, 'approvers', to_jsonb(new.approvers),
                         'quorum', new.quorum, 'expires_at', new.expires_at));
  elsif new.status is distinct from old.status then
    perform private.write_audit(new.org_id, 'approval.' || new.status, 'approval_request', new.id::text,
      jsonb_build_object('status', old.status),
      jsonb_build_object('status', new.status, 'type', new.type, 'subject', new.subject, 'reason', new.close_reason));
  end if;
  return null;
end;
$$;
revoke execute on function private.audit_approval_requests() from public, anon, authenticated, service_role;
create trigger approval_requests_audit
  after insert or update on public.approval_requests
  for each row execute function private.audit_approval_requests();

create function private.audit_approval_decisions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.write_audit(new.org_id, 'approval.decided', 'approval_request', new.request_id::text, null,
    jsonb_build_object('decision', new.decision, 'reason', new.reason, 'approver_id', new.approver_id, 'via', new.via));
  return null;
end;
$$;
revoke execute on function private.audit_approval_decisions() from public, anon, authenticated, service_role;
create trigger approval_decisions_audit
  after insert on public.approval_decisions
  for each row execute function private.audit_approval_decisions();

create function private.audit_approval_comments()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.kind = 'comment' then
    perform private.write_audit(new.org_id, 'approval.commented', 'approval_request', new.request_id::text, null,
      jsonb_build_object('body', new.body));
  end if;
  return null;
end;
$$;
revoke execute on function private.audit_approval_comments() from public, anon, authenticated, service_role;
create trigger approval_events_audit
  after insert on public.approval_events
  for each row execute function private.audit_approval_comments();

create function private.audit_approval_policies()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  keys text[] := array['required', 'approver_role', 'approver_ids', 'quorum', 'expiry_hours'];
  diff jsonb;
begin
  if tg_op = 'INSERT' then
    diff := private.audit_changes('{}'::jsonb, to_jsonb(new), keys);
  else
    diff := private.audit_changes(to_jsonb(old), to_jsonb(new), keys);
  end if;
  if diff -> 'after' <> '{}'::jsonb then
    perform private.write_audit(new.org_id, 'approval_policy.updated', 'approval_policy', new.type,
      case when tg_op = 'INSERT' then null else diff -> 'before' end, diff -> 'after');
  end if;
  return null;
end;
$$;
revoke execute on function private.audit_approval_policies() from public, anon, authenticated, service_role;
create trigger approval_policies_audit
  after insert or update on public.approval_policies
  for each row execute function private.audit_approval_policies();

-- Live ---------------------------------------------------------------------------------
create function private.broadcast_approval_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform realtime.send(
    jsonb_build_object('request_id', new.request_id, 'kind', new.kind),
    'approval.' || new.kind,
    'org:' || new.org_id::text || ':approvals',
    true
  );
  return null;
end;
$$;
comment on function private.broadcast_approval_event() is
  'Trigger: announces each approval history row on the private topic org:<org id>:approvals (request id and kind only).';
revoke execute on function private.broadcast_approval_event() from public, anon, authenticated, service_role;
create trigger approval_events_broadcast
  after insert on public.approval_events
  for each row execute function private.broadcast_approval_event();

-- Notifications (issue 11, section 3): domain events fan out to each recipient's in-app
-- notification centre and to the organization's channels (email, Slack, webhook), by the
-- recipient's preferences; every outgoing message is a tracked delivery, retried by a job.
--
--   notification_channels     org-level channels; admins (notifications:manage) manage them.
--                             The secret (Slack URL, webhook signing secret) is stored sealed
--                             (AES-256-GCM, lib/crypto/secret-box.ts) and no API role can read it.
--   notification_preferences  per user, per event x channel kind; absent row = on.
--   notifications             in-app, one per (org, user, event id): a repeated event is one row.
--   notification_deliveries   one per (event id, recipient, channel): status, attempts, error.
--
-- Writers: the fan-out and delivery jobs (withServiceRole); users mark their own notifications
-- read, change their own preferences; admins manage channels and ask for a retry.

-- notification_channels --------------------------------------------------------------
create table public.notification_channels (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  kind text not null constraint notification_channels_kind check (kind in ('email', 'slack', 'webhook')),
  name text not null constraint notification_channels_name_length check (char_length(btrim(name)) between 1 and 80),
  -- Non-secret settings (a webhook's URL). Never the secret.
  config jsonb not null default '{}'::jsonb
    constraint notification_channels_config_object check (jsonb_typeof(config) = 'object' and pg_column_size(config) <= 4096),
  secret_ciphertext text constraint notification_channels_secret_size check (char_length(secret_ciphertext) <= 8192),
  secret_key_id text constraint notification_channels_key_id check (secret_key_id ~ '^[A-Za-z0-9_-]{1,32}$'),
  secret_set boolean generated always as (secret_ciphertext is not null) stored,
  enabled boolean not null default true,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint notification_channels_org_name_key unique (org_id, name),
  constraint notification_channels_secret_pair check ((secret_ciphertext is null) = (secret_key_id is null))
);
create index notification_channels_org_created_idx on public.notification_channels (org_id, created_at);
create index notification_channels_created_by_idx on public.notification_channels (created_by);
comment on table public.notification_channels is
  'An organization''s notification channels (email, Slack incoming webhook, generic webhook). The secret is sealed with AES-256-GCM under SECRETS_ENCRYPTION_KEYS (secret_key_id names the key); API roles may write it but never read it.';

alter table public.notification_channels enable row level security;
create policy notification_channels_select on public.notification_channels for select to authenticated
  using ((select private.has_permission(org_id, 'notifications:manage')));
create policy notification_channels_insert on public.notification_channels for insert to authenticated
  with check ((select private.has_permission(org_id, 'notifications:manage')));
create policy notification_channels_update on public.notification_channels for update to authenticated
  using ((select private.has_permission(org_id, 'notifications:manage')))
  with check ((select private.has_permission(org_id, 'notifications:manage')));
create policy notification_channels_delete on public.notification_channels for delete to authenticated
  using ((select private.has_permission(org_id, 'notifications:manage')));

grant select (id, org_id, kind, name, config, secret_set, enabled, created_by, created_at, updated_at)
  on public.notification_channels to authenticated;
grant insert (id, org_id, kind, name, config, secret_ciphertext, secret_key_id, enabled) on public.notification_channels to authenticated;
grant update (name, config, secret_ciphertext, secret_key_id, enabled, updated_at) on public.notification_channels to authenticated;
grant delete on public.notification_channels to authenticated;
grant select on public.notification_channels to service_role;

-- Channel changes are audited by the database; the secret never enters the log, only that it changed.
create function private.audit_notification_channels()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  diff jsonb;
  keys text[] := array['name', 'kind', 'enabled', 'config'];
begin
  if tg_op = 'INSERT' then
    perform private.write_audit(new.org_id, 'notification_channel.created', 'notification_channel', new.id::text, null,
      jsonb_build_object('name', new.name, 'kind', new.kind, 'enabled', new.enabled, 'config', new.config, 'secret_set', new.secret_set));
  elsif tg_op = 'UPDATE' then
    diff := private.audit_changes(to_jsonb(old), to_jsonb(new), keys);
    if new.secret_ciphertext is distinct from old.secret_ciphertext then
      diff := jsonb_build_object('before', (diff -> 'before') || '{"secret": "(hidden)"}', 'after', (diff -> 'after') || '{"secret": "(changed)"}');
    end if;
    if diff -> 'after' <> '{}'::jsonb then
      perform private.write_audit(new.org_id, 'notification_channel.updated', 'notification_channel', new.id::text,
        diff -> 'before', diff -> 'after');
    end if;
  else
    perform private.write_audit(old.org_id, 'notification_channel.deleted', 'notification_channel', old.id::text,
      jsonb_build_object('name', old.name, 'kind', old.kind), null);
  end if;
  return null;
end;
$$;
revoke execute on function private.audit_notification_channels() from public, anon, authenticated, service_role;
create trigger notification_channels_audit
  after insert or update or delete on public.notification_channels
  for each row execute function private.audit_notification_channels();

-- notification_preferences -------------------------------------------------------------
create table public.notification_preferences (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  event text not null constraint notification_preferences_event_format check (event ~ '^[a-z]+/[a-z_]+\.[a-z_]+$' and char_length(event) <= 80),
  channel text not null constraint notification_preferences_channel check (channel in ('in_app', 'email', 'slack', 'webhook')),
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id, event, channel)
);
create index notification_preferences_user_id_idx on public.notification_preferences (user_id);
comment on table public.notification_preferences is
  'Which events reach a member on which channel kind, per organization. No row means on. Not audited (a personal preference).';

alter table public.notification_preferences enable row level security;
create policy notification_preferences_select on public.notification_preferences for select to authenticated
  using (user_id = (select auth.uid()) and (select private.current_role_level(org_id)) is not null);
create policy notification_preferences_insert on public.notification_preferences for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.current_role_level(org_id)) is not null);
create policy notification_preferences_update on public.notification_preferences for update to authenticated
  using (user_id = (select auth.uid()) and (select private.current_role_level(org_id)) is not null)
  with check (user_id = (select auth.uid()) and (select private.current_role_level(org_id)) is not null);
create policy notification_preferences_delete on public.notification_preferences for delete to authenticated
  using (user_id = (select auth.uid()) and (select private.current_role_level(org_id)) is not null);
grant select, delete on public.notification_preferences to authenticated;
grant insert (org_id, user_id, event, channel, enabled) on public.notification_preferences to authenticated;
grant update (enabled, updated_at) on public.notification_preferences to authenticated;
grant select on public.notification_preferences to service_role;

-- notifications (in-app) -----------------------------------------------------------------
create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  event_id text not null constraint notifications_event_id_length check (char_length(event_id) between 1 and 200),
  event_name text not null constraint notifications_event_name_length check (char_length(event_name) <= 80),
  actor_id uuid references auth.users (id) on delete set null,
  title text not null constraint notifications_title_length check (char_length(title) between 1 and 200),
  body text not null default '' constraint notifications_body_length check (char_length(body) <= 2000),
  path text not null constraint notifications_path_format check (path ~ '^/([^/]|$)' and char_length(path) <= 500),
  occurred_at timestamptz not null,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  constraint notifications_org_user_event_key unique (org_id, user_id, event_id)
);
create index notifications_user_created_idx on public.notifications (org_id, user_id, created_at desc);
create index notifications_user_unread_idx on public.notifications (org_id, user_id) where read_at is null;
create index notifications_user_id_idx on public.notifications (user_id);
create index notifications_actor_id_idx on public.notifications (actor_id);
comment on table public.notifications is
  'In-app notifications: one per (organization, user, event id), so an event delivered twice notifies once. Written by the fan-out job; users read and mark read only their own.';

alter table public.notifications enable row level security;
create policy notifications_select on public.notifications for select to authenticated
  using (user_id = (select auth.uid()) and (select private.current_role_level(org_id)) is not null);
create policy notifications_update on public.notifications for update to authenticated
  using (user_id = (select auth.uid()) and (select private.current_role_level(org_id)) is not null)
  with check (user_id = (select auth.uid()));
-- No insert or delete for API roles: only the fan-out writes notifications.
grant select on public.notifications to authenticated;
grant update (read_at) on public.notifications to authenticated;
grant select, insert, update on public.notifications to service_role;

-- notification_deliveries ------------------------------------------------------------------
create table public.notification_deliveries (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  event_id text not null constraint notification_deliveries_event_id_length check (char_length(event_id) between 1 and 200),
  event_name text not null constraint notification_deliveries_event_name_length check (char_length(event_name) <= 80),
  recipient_id uuid not null references auth.users (id) on delete cascade,
  channel_id uuid not null references public.notification_channels (id) on delete cascade,
  -- What is sent (title, body, path, event name): the delivery job needs nothing else.
  message jsonb not null constraint notification_deliveries_message_object check (jsonb_typeof(message) = 'object'),
  status text not null default 'pending'
    constraint notification_deliveries_status check (status in ('pending', 'sent', 'failed', 'retrying')),
  attempts integer not null default 0 constraint notification_deliveries_attempts check (attempts >= 0),
  last_error text constraint notification_deliveries_last_error_length check (char_length(last_error) <= 1000),
  response_code integer,
  last_attempt_at timestamptz,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint notification_deliveries_event_recipient_channel_key unique (event_id, recipient_id, channel_id)
);
create index notification_deliveries_org_created_idx on public.notification_deliveries (org_id, created_at desc);
create index notification_deliveries_org_status_idx on public.notification_deliveries (org_id, status, created_at desc);
create index notification_deliveries_recipient_id_idx on public.notification_deliveries (recipient_id);
create index notification_deliveries_channel_id_idx on public.notification_deliveries (channel_id);
comment on table public.notification_deliveries is
  'One outgoing message per (event id, recipient, channel) with its status, attempts, last error and response code; written by the delivery jobs, read by holders of notifications:manage (the delivery log).';

alter table public.notification_deliveries enable row level security;
create policy notification_deliveries_select on public.notification_deliveries for select to authenticated
  using ((select private.has_permission(org_id, 'notifications:manage')));
-- "Retry now": an admin may put a failed delivery back in the queue (status only).
create policy notification_deliveries_update on public.notification_deliveries for update to authenticated
  using ((select private.has_permission(org_id, 'notifications:manage')))
  with check ((select private.has_permission(org_id, 'notifications:manage')) and status = 'retrying');
grant select (id, org_id, event_id, event_name, recipient_id, channel_id, status, attempts, last_error, response_code,
  last_attempt_at, sent_at, created_at, updated_at) on public.notification_deliveries to authenticated;
grant update (status, updated_at) on public.notification_deliveries to authenticated;
grant select, insert, update on public.notification_deliveries to service_role;

-- Recipients: members only, with their email (for the email channel). Jobs only.
create function private.notification_recipients(org_id uuid, user_ids uuid[])
returns table (user_id uuid, email text)
language sql
stable
security definer
set search_path = ''
as $$
  select m.user_id, u.email::text
  from public.memberships m
  join auth.users u on u.id = m.user_id
  where m.org_id = notification_recipients.org_id and m.user_id = any (notification_recipients.user_ids);
$$;
comment on function private.notification_recipients(uuid, uuid[]) is
  'Members of the organization among user_ids, with their email: the fan-out job''s recipient list.';
revoke execute on function private.notification_recipients(uuid, uuid[]) from public, anon, authenticated;
grant execute on function private.notification_recipients(uuid, uuid[]) to service_role;

-- Live bell: notifications → org:<org>:user:<user>:notifications ----------------------------
create function private.broadcast_notification()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform realtime.send(
    jsonb_build_object('notification_id', new.id, 'op', lower(tg_op)),
    'notification.' || lower(tg_op),
    'org:' || new.org_id::text || ':user:' || new.user_id::text || ':notifications',
    true
  );
  return null;
end;
$$;
comment on function private.broadcast_notification() is
  'Trigger: announces a new or changed notification on the recipient''s private topic org:<org>:user:<user>:notifications (ids and op only).';
revoke execute on function private.broadcast_notification() from public, anon, authenticated, service_role;
create trigger notifications_broadcast_insert
  after insert on public.notifications
  for each row execute function private.broadcast_notification();
create trigger notifications_broadcast_update
  after update on public.notifications
  for each row when (old.read_at is distinct from new.read_at)
  execute function private.broadcast_notification();

-- Who may receive what: as 20261202300000_live_members_audit.sql, plus per-user topics.
-- org:X:user:<uid> and org:X:user:<uid>:* are for that user alone (still a member of X).
drop policy realtime_messages_org_members_receive on realtime.messages;

create policy realtime_messages_org_members_receive on realtime.messages for select to authenticated
  using (
    extension = 'broadcast'
    and exists (
      select 1
      from public.memberships m
      where m.user_id = (select auth.uid())
        and (
          (select realtime.topic()) = 'org:' || m.org_id::text
          or (
            (select realtime.topic()) like 'org:' || m.org_id::text || ':%'
            and (
              not (
                (select realtime.topic()) = 'org:' || m.org_id::text || ':audit'
                or (select realtime.topic()) like 'org:' || m.org_id::text || ':audit:%'
              )
              or private.has_permission(m.org_id, 'audit:read')
            )
            and (
              not (select realtime.topic()) like 'org:' || m.org_id::text || ':user:%'
              or (select realtime.topic()) = 'org:' || m.org_id::text || ':user:' || m.user_id::text
              or (select realtime.topic()) like 'org:' || m.org_id::text || ':user:' || m.user_id::text || ':%'
            )
          )
        )
    )
  );
comment on policy realtime_messages_org_members_receive on realtime.messages is
  'Members of org X receive org:X and org:X:*; org:X:audit(:*) needs audit:read; org:X:user:<uid>(:*) is for that user only.';

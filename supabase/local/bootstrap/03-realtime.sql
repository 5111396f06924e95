-- Supabase bootstrap, part 3: Realtime broadcast storage and helpers.

-- realtime ----------------------------------------------------------------------
create table if not exists realtime.messages (
  id uuid not null default gen_random_uuid(),
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now(),
  primary key (id, inserted_at)
);
create index if not exists messages_inserted_at_topic_idx on realtime.messages (inserted_at desc, topic)
  where extension = 'broadcast' and private is true;
alter table realtime.messages enable row level security;
comment on table realtime.messages is 'Realtime: broadcast messages; RLS on this table authorizes private channels.';

grant select, insert on realtime.messages to authenticated, anon;
grant all on realtime.messages to service_role;

create or replace function realtime.topic() returns text
language sql stable
as $$ select nullif(current_setting('realtime.topic', true), '')::text $$;

create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  generated_id uuid := gen_random_uuid();
begin
  -- Like Supabase: the message id is also put into the payload unless it has one.
  insert into realtime.messages (id, payload, event, topic, private, extension)
  values (generated_id,
          case when payload ? 'id' then payload else jsonb_set(payload, '{id}', to_jsonb(generated_id)) end,
          event, topic, private, 'broadcast');
exception when others then
  -- Like Supabase: a failed broadcast never aborts the caller's transaction.
  raise warning 'realtime.send failed: %', sqlerrm;
end;
$$;

create or replace function realtime.broadcast_changes(
  topic_name text, event_name text, operation text, table_name text, table_schema text,
  new record, old record, level text default 'ROW'
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_data jsonb;
  memo jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation in ('INSERT', 'UPDATE', 'DELETE') then
    row_data := jsonb_build_object(
      'old_record', case when old is null then null else to_jsonb(old) end,
      'record', case when new is null then null else to_jsonb(new) end,
      'operation', operation, 'table', table_name, 'schema', table_schema);
    memo := row_data;
    perform realtime.send(memo, event_name, topic_name, true);
  else
    raise exception 'unexpected operation %', operation;
  end if;
end;
$$;

grant execute on function realtime.topic() to anon, authenticated, service_role;
-- Broadcasting from SQL is for the database's own triggers (security definer,
-- owned by the migration role) and service paths: a signed-in user who could
-- call these would send to any topic, past the insert policy.
revoke execute on function realtime.send(jsonb, text, text, boolean) from public, anon, authenticated;
revoke execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  from public, anon, authenticated;
grant execute on function realtime.send(jsonb, text, text, boolean) to service_role;
grant execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to service_role;

-- The local Realtime server (supabase/local/realtime/) -------------------------
-- Its login, like hosted Supabase's supabase_realtime_admin: owns realtime.messages
-- (so it reads every message and cleans up old ones), and may switch to the API
-- roles to check a channel's policies as the subscriber (it does not inherit them).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'supabase_realtime_admin') then
    create role supabase_realtime_admin login noinherit nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
end
$$;
grant anon, authenticated, service_role to supabase_realtime_admin;
grant usage on schema realtime to supabase_realtime_admin;
alter table realtime.messages owner to supabase_realtime_admin;

-- Hosted Realtime reads new rows through logical replication; the local server
-- listens for this notification instead (docs/decisions: realtime local delivery).
-- Notifications are sent at commit, in commit order, and never for rolled-back rows.
-- pg_notify payloads are limited to 8000 bytes: a larger row is announced by id.
create or replace function realtime.local_announce_broadcast() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  body text;
begin
  body := json_build_object('id', new.id, 'topic', new.topic, 'event', new.event,
                            'private', coalesce(new.private, false), 'inserted_at', new.inserted_at,
                            'payload', new.payload)::text;
  if octet_length(body) > 7900 then
    body := json_build_object('id', new.id, 'topic', new.topic, 'event', new.event,
                              'private', coalesce(new.private, false), 'inserted_at', new.inserted_at,
                              'large', true)::text;
  end if;
  perform pg_notify('realtime_local_broadcast', body);
  return null;
end;
$$;
comment on function realtime.local_announce_broadcast() is
  'Local stack only: announces each new broadcast row to the local Realtime server (LISTEN realtime_local_broadcast).';

create or replace trigger local_announce_broadcast
  after insert on realtime.messages
  for each row when (new.extension = 'broadcast')
  execute function realtime.local_announce_broadcast();

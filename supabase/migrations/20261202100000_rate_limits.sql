-- Rate limits shared by every app instance: one counter per (rule, subject) in a
-- fixed window, counted atomically in Postgres, so no instance keeps state of
-- its own. Subjects (client IPs, email addresses, user ids) are stored only as
-- sha256 hashes. The table lives in the private schema (not exposed through the
-- API); nothing reaches it but the two security-definer functions below, which
-- only the service role (the app's lib/rate-limit) may call.

create table private.rate_limit_counters (
  bucket text not null
    constraint rate_limit_counters_bucket_format check (bucket ~ '^[a-z][a-z_]*(:[a-z][a-z_+]*)*$' and length(bucket) <= 64),
  subject_hash bytea not null
    constraint rate_limit_counters_subject_hash_length check (length(subject_hash) = 32),
  window_ends_at timestamptz not null,
  hits integer not null
    constraint rate_limit_counters_hits_not_negative check (hits >= 0),
  primary key (bucket, subject_hash)
);
create index rate_limit_counters_window_ends_at_idx on private.rate_limit_counters (window_ends_at);

comment on table private.rate_limit_counters is
  'Fixed-window rate-limit counters shared by all app instances; one row per rule and hashed subject. Written only by private.rate_limit_hit, emptied of expired windows by private.rate_limit_prune.';
comment on column private.rate_limit_counters.bucket is
  'The rule counted, e.g. sign_in:ip or sign_in:account+ip (lib/rate-limit/limits.ts).';
comment on column private.rate_limit_counters.subject_hash is
  'sha256 of who is counted: a client IP, a lower-cased email address, a user id, or such values joined.';
comment on column private.rate_limit_counters.window_ends_at is
  'When the current window ends; the first hit after it starts a new window at 1.';
comment on column private.rate_limit_counters.hits is
  'Hits counted in the current window, refused ones included.';

-- No policy: with RLS on and no grants, only the definer functions below can touch the rows.
alter table private.rate_limit_counters enable row level security;
revoke all on table private.rate_limit_counters from public, anon, authenticated, service_role;

create function private.rate_limit_prune(p_limit integer default 1000)
returns integer
language sql
security definer
set search_path = ''
as $$
  with doomed as (
    select c.bucket, c.subject_hash
    from private.rate_limit_counters c
    where c.window_ends_at < now()
    order by c.window_ends_at
    limit greatest(1, least(coalesce(p_limit, 1000), 10000))
    for update skip locked
  ), deleted as (
    delete from private.rate_limit_counters c
    using doomed d
    where c.bucket = d.bucket and c.subject_hash = d.subject_hash
    returning 1
  )
  select count(*)::integer from deleted
$$;
comment on function private.rate_limit_prune(integer) is
  'Deletes up to p_limit counters whose window has ended (they count for nothing any more); returns how many. Called now and then by rate_limit_hit.';

create function private.rate_limit_hit(
  p_bucket text,
  p_subject text,
  p_max integer,
  p_window_seconds integer,
  p_count boolean default true
)
returns table (allowed boolean, retry_after_seconds integer, hits integer)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_hash bytea;
  v_ends timestamptz;
  v_hits integer;
begin
  if p_bucket is null or length(p_bucket) > 64 or p_bucket !~ '^[a-z][a-z_]*(:[a-z][a-z_+]*)*$' then
    raise exception 'rate limit bucket % is not valid', p_bucket using errcode = '22023';
  end if;
  if p_subject is null or length(p_subject) not between 1 and 512 then
    raise exception 'rate limit subject must be 1 to 512 characters' using errcode = '22023';
  end if;
  if p_max is null or p_max < 1 or p_window_seconds is null or p_window_seconds not between 1 and 86400 then
    raise exception 'rate limit needs max >= 1 and a window of 1 to 86400 seconds' using errcode = '22023';
  end if;
  v_hash := sha256(convert_to(p_subject, 'UTF8'));

  if coalesce(p_count, true) then
    -- One atomic upsert: a new or expired window starts at 1, otherwise the hit adds to it.
    insert into private.rate_limit_counters as c (bucket, subject_hash, window_ends_at, hits)
    values (p_bucket, v_hash, now() + make_interval(secs => p_window_seconds), 1)
    on conflict (bucket, subject_hash) do update
      set hits = case when c.window_ends_at <= now() then 1 else least(c.hits, 2147483646) + 1 end,
          window_ends_at = case when c.window_ends_at <= now() then excluded.window_ends_at else c.window_ends_at end
    returning c.window_ends_at, c.hits into v_ends, v_hits;
    allowed := v_hits <= p_max;
    -- Housekeeping without a scheduler: about one hit in a hundred clears ended windows.
    if random() < 0.01 then
      perform private.rate_limit_prune(1000);
    end if;
  else
    -- A look without counting: would one more hit be allowed?
    select c.window_ends_at, c.hits into v_ends, v_hits
    from private.rate_limit_counters c
    where c.bucket = p_bucket and c.subject_hash = v_hash and c.window_ends_at > now();
    v_hits := coalesce(v_hits, 0);
    allowed := v_hits < p_max;
  end if;

  hits := v_hits;
  retry_after_seconds := case when allowed then 0 else greatest(1, ceil(extract(epoch from v_ends - now()))::integer) end;
  return next;
end
$$;
comment on function private.rate_limit_hit(text, text, integer, integer, boolean) is
  'Counts one hit of p_subject against rule p_bucket (at most p_max per p_window_seconds, fixed window) and says whether it is allowed and, if not, how many seconds until the window ends. With p_count false it only looks: whether one more hit would be allowed.';

revoke execute on function private.rate_limit_hit(text, text, integer, integer, boolean) from public, anon, authenticated;
revoke execute on function private.rate_limit_prune(integer) from public, anon, authenticated;
grant execute on function private.rate_limit_hit(text, text, integer, integer, boolean) to service_role;
grant execute on function private.rate_limit_prune(integer) to service_role;

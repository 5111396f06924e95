-- Local demo data (npm run dev; never run against a hosted project by default).
-- Idempotent: runs on every start. Logins (password for all: tenantforge-demo):
--   owner@acme.test (owner), admin@acme.test (admin), member@acme.test (member),
--   viewer@acme.test (viewer) in "Acme Health" at acme.<root domain>.
-- Two more people (noah@, jordan@acme.test) were members once; their story is in
-- Acme Health's audit log.
with demo(id, email, name, last_sign_in) as (
  values
    ('00000000-0000-4000-8000-0000000000a1'::uuid, 'owner@acme.test', 'Olivia Owner', interval '2 hours'),
    ('00000000-0000-4000-8000-0000000000a2'::uuid, 'admin@acme.test', 'Adam Admin', interval '1 day 3 hours'),
    ('00000000-0000-4000-8000-0000000000a3'::uuid, 'member@acme.test', 'Mia Member', interval '3 days 5 hours'),
    ('00000000-0000-4000-8000-0000000000a4'::uuid, 'viewer@acme.test', 'Victor Viewer', interval '6 days 1 hour'),
    ('00000000-0000-4000-8000-0000000000a5'::uuid, 'noah@acme.test', 'Noah Patel', interval '5 days'),
    ('00000000-0000-4000-8000-0000000000a6'::uuid, 'jordan@acme.test', 'Jordan Lee', interval '4 days')
)
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, last_sign_in_at
)
select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email,
       extensions.crypt('tenantforge-demo', extensions.gen_salt('bf')), now(),
       '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', name), now(), now(),
       now() - last_sign_in
from demo
on conflict (id) do nothing;

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
       'email', now(), now()
from auth.users u
where u.id in ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2',
               '00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-0000000000a4',
               '00000000-0000-4000-8000-0000000000a5', '00000000-0000-4000-8000-0000000000a6')
on conflict (provider_id, provider) do nothing;

-- Acme Health's first weeks ---------------------------------------------------------
-- The audit log is written by the database's triggers, so the history is made the
-- way the app makes it: each step is a real change, made as its actor (app.actor_id,
-- as withServiceRole sets it) with a request id, address and browser of its own.
-- Triggers stamp entries with the time of the change (now), and the log is
-- append-only even for the table owner; so, once the story is told, the one
-- superuser-only step of this seed moves each step's rows (its audit entries and
-- the rows it touched) back to when the story says it happened, with triggers
-- off (session_replication_role = replica) for that statement block only.
-- Told once: only when the organization does not exist yet.

create temp table if not exists seed_story (request_id text primary key, at timestamptz not null) on commit drop;

create or replace function pg_temp.seed_as(actor uuid, ago interval) returns void
language plpgsql as $$
declare
  rid text := gen_random_uuid()::text;
  device text[] := case actor
    when '00000000-0000-4000-8000-0000000000a1' then array['203.0.113.24', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15']
    when '00000000-0000-4000-8000-0000000000a2' then array['198.51.100.7', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36']
    when '00000000-0000-4000-8000-0000000000a3' then array['192.0.2.55', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0']
    when '00000000-0000-4000-8000-0000000000a4' then array['203.0.113.90', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1']
    else array['198.51.100.42', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36']
  end;
begin
  perform set_config('app.actor_id', actor::text, true);
  perform set_config('app.request_id', rid, true);
  perform set_config('app.client_ip', device[1], true);
  perform set_config('app.user_agent', device[2], true);
  insert into seed_story (request_id, at) values (rid, date_trunc('minute', now() - ago));
end;
$$;

create or replace function pg_temp.seed_invite(org uuid, inviter uuid, invitee text, invitee_role text) returns uuid
language sql as $$
  insert into public.invitations (org_id, email, role, token_hash, invited_by)
  values (org, invitee, invitee_role, encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), inviter)
  returning id;
$$;

create or replace function pg_temp.seed_accept(invitation uuid, user_id uuid) returns void
language plpgsql as $$
begin
  insert into public.memberships (org_id, user_id, role)
  select i.org_id, seed_accept.user_id, i.role from public.invitations i where i.id = invitation;
  update public.invitations set accepted_at = now(), accepted_by = seed_accept.user_id where id = invitation;
end;
$$;

do $$
declare
  acme constant uuid := '00000000-0000-4000-8000-00000000a000';
  olivia constant uuid := '00000000-0000-4000-8000-0000000000a1';
  adam constant uuid := '00000000-0000-4000-8000-0000000000a2';
  mia constant uuid := '00000000-0000-4000-8000-0000000000a3';
  victor constant uuid := '00000000-0000-4000-8000-0000000000a4';
  noah constant uuid := '00000000-0000-4000-8000-0000000000a5';
  jordan constant uuid := '00000000-0000-4000-8000-0000000000a6';
  inv uuid;
  priya uuid;
  intake uuid;
  hipaa uuid;
begin
  if exists (select 1 from public.organizations where id = acme) then
    return;
  end if;

  -- Olivia signs up and creates "Acme" at acme.
  perform pg_temp.seed_as(olivia, '24 days 6 hours');
  insert into public.organizations (id, name, slug) values (acme, 'Acme', 'acme');
  insert into public.memberships (org_id, user_id, role) values (acme, olivia, 'owner');

  -- She brings in Adam to run the team, then gives the organization its full name.
  perform pg_temp.seed_as(olivia, '24 days 5 hours 52 minutes');
  inv := pg_temp.seed_invite(acme, olivia, 'admin@acme.test', 'admin');
  perform pg_temp.seed_as(adam, '23 days 8 hours');
  perform pg_temp.seed_accept(inv, adam);
  perform pg_temp.seed_as(olivia, '23 days 7 hours 30 minutes');
  update public.organizations set name = 'Acme Health' where id = acme;

  -- Adam invites the team.
  perform pg_temp.seed_as(adam, '20 days 2 hours');
  inv := pg_temp.seed_invite(acme, adam, 'member@acme.test', 'member');
  perform pg_temp.seed_as(mia, '19 days 7 hours');
  perform pg_temp.seed_accept(inv, mia);
  perform pg_temp.seed_as(adam, '20 days 1 hour 58 minutes');
  inv := pg_temp.seed_invite(acme, adam, 'noah@acme.test', 'member');
  perform pg_temp.seed_as(noah, '19 days 4 hours');
  perform pg_temp.seed_accept(inv, noah);

  -- Victor joins as a member; Adam makes him a viewer (he only reads reports).
  perform pg_temp.seed_as(adam, '16 days 1 hour');
  inv := pg_temp.seed_invite(acme, adam, 'viewer@acme.test', 'member');
  perform pg_temp.seed_as(victor, '15 days 8 hours');
  perform pg_temp.seed_accept(inv, victor);
  perform pg_temp.seed_as(adam, '15 days 7 hours 15 minutes');
  update public.memberships set role = 'viewer' where org_id = acme and user_id = victor;

  -- Jordan, a temporary viewer.
  perform pg_temp.seed_as(olivia, '12 days 5 hours');
  inv := pg_temp.seed_invite(acme, olivia, 'jordan@acme.test', 'viewer');
  perform pg_temp.seed_as(jordan, '12 days 1 hour');
  perform pg_temp.seed_accept(inv, jordan);

  -- A contractor's invitation goes out and is withdrawn.
  perform pg_temp.seed_as(adam, '9 days 6 hours');
  inv := pg_temp.seed_invite(acme, adam, 'sam@contractor.test', 'member');
  perform pg_temp.seed_as(adam, '8 days 3 hours');
  update public.invitations set revoked_at = now() where id = inv;

  -- Noah covers for Adam for a few days, then moves on.
  perform pg_temp.seed_as(olivia, '7 days 4 hours');
  update public.memberships set role = 'admin' where org_id = acme and user_id = noah;
  perform pg_temp.seed_as(olivia, '4 days 2 hours');
  delete from public.memberships where org_id = acme and user_id = noah;

  -- Jordan's project is over.
  perform pg_temp.seed_as(jordan, '3 days 6 hours');
  delete from public.memberships where org_id = acme and user_id = jordan;

  -- Still open: Priya (resent yesterday) and Leo.
  perform pg_temp.seed_as(adam, '2 days 5 hours');
  priya := pg_temp.seed_invite(acme, adam, 'priya@acme.test', 'member');
  perform pg_temp.seed_as(adam, '1 day 2 hours');
  update public.invitations set token_hash = encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex') where id = priya;
  perform pg_temp.seed_as(olivia, '5 hours');
  perform pg_temp.seed_invite(acme, olivia, 'leo@northwind.test', 'viewer');

  -- The team starts tracking its work as tasks (each step a few milliseconds apart, so the
  -- history rows of a step can be told from the next one's when they are moved back below).
  perform pg_temp.seed_as(mia, '6 days 3 hours');
  insert into public.tasks (org_id, title, description, priority, labels, assignee_id, due_on, rank, created_by)
  values (acme, 'Draft the patient intake form', 'Fields from the paper form, plus consent and insurance.', 'high',
          '{intake,forms}', mia, current_date + 3, 1, mia)
  returning id into intake;
  perform pg_sleep(0.005);
  perform pg_temp.seed_as(adam, '5 days 6 hours');
  insert into public.tasks (org_id, title, priority, labels, assignee_id, due_on, rank, created_by)
  values (acme, 'Review the HIPAA checklist', 'urgent', '{compliance}', olivia, current_date + 5, 2, adam)
  returning id into hipaa;
  perform pg_sleep(0.005);
  perform pg_temp.seed_as(mia, '4 days 1 hour');
  update public.tasks set status = 'in_progress' where id = intake;
  perform pg_sleep(0.005);
  perform pg_temp.seed_as(olivia, '2 days 4 hours');
  insert into public.task_comments (task_id, org_id, author_id, body)
  values (hipaa, acme, olivia, 'Starting this week: I need the vendor list first.');
  perform pg_sleep(0.005);
  perform pg_temp.seed_as(adam, '1 day 6 hours');
  insert into public.tasks (org_id, title, priority, labels, rank, created_by)
  values (acme, 'Set up the expense approvals template', 'medium', '{finance}', 3, adam);
  perform pg_sleep(0.005);
  perform pg_temp.seed_as(mia, '9 hours');
  update public.tasks set status = 'in_review' where id = intake;
  perform pg_sleep(0.005);

  -- Back to when it happened. Each step's entries keep their order (clock_timestamp
  -- at write) and move to the step's time; rows the steps touched follow.
  set local session_replication_role = replica;
  -- Task history first, while the audit entries still hold the times they were written at.
  update public.task_activity t
  set created_at = s.at + (t.created_at - f.first)
  from seed_story s,
       lateral (select min(b.created_at) as first, max(b.created_at) as last from public.audit_log b where b.request_id = s.request_id) f
  where t.org_id = acme and t.created_at between f.first - interval '2 milliseconds' and f.last + interval '2 milliseconds';
  update public.task_comments c set created_at = t.created_at
  from public.task_activity t where t.org_id = acme and t.field = 'comment' and (t.to_value ->> 'comment_id')::uuid = c.id;
  update public.tasks k
  set created_at = h.first, updated_at = h.last
  from (select task_id, min(created_at) as first, max(created_at) as last from public.task_activity
        where org_id = acme and field <> 'comment' group by task_id) h
  where k.id = h.task_id;
  update public.task_watchers w set created_at = k.created_at from public.tasks k where w.task_id = k.id and k.org_id = acme;
  update public.audit_log a
  set created_at = s.at + (a.created_at - f0.at)
  from seed_story s,
       lateral (select min(b.created_at) as at from public.audit_log b where b.request_id = s.request_id) f0
  where a.org_id = acme and a.request_id = s.request_id;
  update public.organizations o
  set created_at = (select min(a.created_at) from public.audit_log a where a.org_id = acme),
      updated_at = (select max(a.created_at) from public.audit_log a where a.org_id = acme and a.action = 'organization.updated')
  where o.id = acme;
  update public.memberships m
  set created_at = j.created_at, updated_at = coalesce(r.created_at, j.created_at)
  from (select a.target_id, max(a.created_at) as created_at from public.audit_log a
        where a.org_id = acme and a.action = 'member.joined' group by a.target_id) j
  left join (select a.target_id, max(a.created_at) as created_at from public.audit_log a
             where a.org_id = acme and a.action = 'member.role_changed' group by a.target_id) r on r.target_id = j.target_id
  where m.org_id = acme and m.user_id::text = j.target_id;
  update public.invitations i
  set created_at = c.created_at,
      sent_at = coalesce(rs.created_at, c.created_at),
      expires_at = coalesce(rs.created_at, c.created_at) + interval '7 days',
      accepted_at = case when i.accepted_at is not null then ac.created_at end,
      revoked_at = case when i.revoked_at is not null then rv.created_at end
  from (select a.target_id, a.created_at from public.audit_log a where a.org_id = acme and a.action = 'invitation.created') c
  left join (select a.target_id, max(a.created_at) as created_at from public.audit_log a
             where a.org_id = acme and a.action = 'invitation.resent' group by a.target_id) rs on rs.target_id = c.target_id
  left join (select a.target_id, a.created_at from public.audit_log a where a.org_id = acme and a.action = 'invitation.accepted') ac
    on ac.target_id = c.target_id
  left join (select a.target_id, a.created_at from public.audit_log a where a.org_id = acme and a.action = 'invitation.revoked') rv
    on rv.target_id = c.target_id
  where i.org_id = acme and i.id::text = c.target_id;
  -- The expiry the entries recorded follows the send they belong to.
  update public.audit_log a
  set after = jsonb_set(a.after, '{expires_at}', to_jsonb(a.created_at + interval '7 days'))
  where a.org_id = acme and a.action in ('invitation.created', 'invitation.resent');
  update public.audit_log a
  set before = jsonb_build_object('expires_at', c.created_at + interval '7 days')
  from public.audit_log c
  where a.org_id = acme and a.action = 'invitation.resent'
    and c.org_id = acme and c.action = 'invitation.created' and c.target_id = a.target_id;
  set local session_replication_role = origin;

  perform set_config('app.actor_id', '', true);
  perform set_config('app.request_id', '', true);
  perform set_config('app.client_ip', '', true);
  perform set_config('app.user_agent', '', true);
end;
$$;

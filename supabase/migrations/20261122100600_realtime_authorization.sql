-- Authorization for private Realtime channels (RLS on realtime.messages).
-- Convention: a tenant's channels are named `org:<org id>` or
-- `org:<org id>:<anything>`; members of that organization may receive them.
-- Broadcasts come from the database (realtime.send / broadcast_changes), so no
-- client may send: there is no insert policy. Features that need narrower
-- channels add their own select policies (policies are permissive, so they can
-- only widen access; keep the org prefix in every topic).

create policy realtime_messages_org_members_receive on realtime.messages for select to authenticated
  using (
    extension = 'broadcast'
    and exists (
      select 1
      from public.memberships m
      where m.user_id = (select auth.uid())
        and (
          (select realtime.topic()) = 'org:' || m.org_id::text
          or (select realtime.topic()) like 'org:' || m.org_id::text || ':%'
        )
    )
  );

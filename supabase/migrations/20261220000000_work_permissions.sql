-- Permissions for tasks, approvals and notifications (issue: tasks, approvals and
-- notifications). Viewers keep reading only; members do the work; admins run the
-- organization's approval policy and notification channels; owners hold everything.

insert into public.permissions (key, description) values
  ('tasks:update', 'Edit tasks and move them between statuses.'),
  ('tasks:delete', 'Delete tasks.'),
  ('comments:create', 'Comment on tasks.'),
  ('approvals:create', 'Ask for an approval (a sign-off on free text, a held role change).'),
  ('approvals:manage', 'Choose which changes need approval, who approves, quorum and expiry.'),
  ('notifications:manage', 'Configure the organization''s notification channels and read the delivery log.');

insert into public.role_permissions (role, permission)
select 'member', p from unnest(array['tasks:update', 'comments:create', 'approvals:create']) as p
union all
select 'admin', p from unnest(array[
  'tasks:update', 'comments:create', 'approvals:create', 'tasks:delete', 'approvals:manage', 'notifications:manage'
]) as p
union all
select 'owner', p from unnest(array[
  'tasks:update', 'comments:create', 'approvals:create', 'tasks:delete', 'approvals:manage', 'notifications:manage'
]) as p;

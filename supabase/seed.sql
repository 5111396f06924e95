-- Local seed data. Runs after migrations on every `npm run dev`; must be idempotent.
insert into public.demo_notes (id, org_id, author_id, body)
values (
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-0000000000a1',
  '00000000-0000-4000-8000-0000000000b1',
  'Welcome: this note was seeded for the demo organization.'
)
on conflict (id) do nothing;

-- The foundation's demo table proved the RLS path before tenancy existed; the
-- tenancy tables (organizations, memberships, audit_log, …) replace it.
drop table if exists public.demo_notes;

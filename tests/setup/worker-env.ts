import { inject } from 'vitest';

// The app reads its configuration from process.env (lib/env.ts); point it at the
// test cluster started by global-setup.ts.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.DATABASE_ADMIN_URL = inject('databaseAdminUrl');
process.env.NEXT_PUBLIC_ROOT_DOMAIN ??= 'localhost:3000';

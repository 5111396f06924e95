import { inject } from 'vitest';

// The app reads its configuration from process.env (lib/env.ts); point it at the
// test cluster, auth server and Inngest executor started by global-setup.ts.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.DATABASE_ADMIN_URL = inject('databaseAdminUrl');
process.env.NEXT_PUBLIC_ROOT_DOMAIN ??= 'localhost:3000';
process.env.NEXT_PUBLIC_SUPABASE_URL = inject('supabaseUrl');
process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = inject('supabasePublishableKey');
process.env.SUPABASE_SECRET_KEY = inject('supabaseSecretKey');
process.env.INNGEST_DEV = '1';
process.env.INNGEST_BASE_URL = inject('inngestUrl');
process.env.SECRETS_ENCRYPTION_KEYS = inject('secretsEncryptionKeys');
process.env.OUTBOUND_ALLOWED_HOSTS = inject('receiverHost');

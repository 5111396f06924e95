import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';

export const dynamic = 'force-dynamic';

/** Inngest's serve endpoint: sync (PUT), introspection (GET) and function calls (POST). */
export const { GET, POST, PUT } = serve({ client: inngest, functions });

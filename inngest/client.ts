import { Inngest } from 'inngest';

/**
 * The app's Inngest client. The SDK reads its configuration from the environment,
 * validated at start-up by lib/env.ts:
 * - locally `npm run dev` sets INNGEST_DEV=1 and INNGEST_BASE_URL to the local executor
 *   (inngest/local/, http://127.0.0.1:8288);
 * - in production INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY point it at Inngest Cloud.
 * Send typed events with `inngest.send(invitationCreated.create({...}))` (inngest/events.ts).
 */
export const inngest = new Inngest({ id: 'tenantforge' });

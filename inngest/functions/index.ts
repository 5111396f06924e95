import { sendInvitationEmail } from './send-invitation-email';

/** Every function the app serves at /api/inngest. */
export const functions = [sendInvitationEmail];

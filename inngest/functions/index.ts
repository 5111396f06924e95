import { deliverNotification } from './deliver-notification';
import { fanOutNotifications } from './fan-out-notifications';
import { sendInvitationEmail } from './send-invitation-email';

/** Every function the app serves at /api/inngest. */
export const functions = [sendInvitationEmail, fanOutNotifications, deliverNotification];

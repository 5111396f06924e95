import { deliverNotification } from './deliver-notification';
import { fanOutNotifications } from './fan-out-notifications';
import { sendInvitationEmail } from './send-invitation-email';
import { emailApprovers } from './email-approvers';
import { expireApprovalRequest } from './expire-approval-request';
import { sweepExpiredApprovals } from './sweep-expired-approvals';

/** Every function the app serves at /api/inngest. */
export const functions = [sendInvitationEmail, expireApprovalRequest, emailApprovers, sweepExpiredApprovals, fanOutNotifications, deliverNotification];

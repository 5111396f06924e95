import { sendInvitationEmail } from './send-invitation-email';
import { emailApprovers } from './email-approvers';
import { expireApprovalRequest } from './expire-approval-request';

/** Every function the app serves at /api/inngest. */
export const functions = [sendInvitationEmail, expireApprovalRequest, emailApprovers];

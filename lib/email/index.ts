/** App email: `sendEmail` through this environment's transport, and the messages the app sends. */
export { sendEmail, emailTransport } from './send-email';
export { invitationEmail, invitationLink, type InvitationEmailInput } from './invitation-email';
export { emailMessageSchema, type EmailMessage, type EmailTransport } from './schemas';

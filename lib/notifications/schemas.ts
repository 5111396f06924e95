import { z } from 'zod';
import { domainEvents } from '@/inngest/domain-events';
import { cursorSchema, encodeCursor, pageLimitSchema, type PageCursor } from '@/lib/pagination/cursor';
import { idSchema } from '@/lib/permissions/schemas';

/** The notifiable events, in the order the preferences screen lists them. */
export const notifiableEventNames = domainEvents.map((e) => e.name) as [string, ...string[]];
export const eventNameSchema = z.enum(notifiableEventNames, 'Must be a notifiable event name.');

/** A page cursor from the query string, or one already decoded (services parse their input again). */
const cursorInput = z.preprocess(
  (v) => (v === '' ? undefined : typeof v === 'object' && v !== null ? encodeCursor(v as PageCursor) : v),
  cursorSchema.optional(),
);

export const channelKinds = ['email', 'slack', 'webhook'] as const;
export const channelKindSchema = z.enum(channelKinds, 'Must be email, slack or webhook.');
/** What a preference names: the in-app centre or an org channel kind. */
export const preferenceChannels = ['in_app', ...channelKinds] as const;
export const preferenceChannelSchema = z.enum(preferenceChannels, 'Must be in_app, email, slack or webhook.');

export const deliveryStatuses = ['pending', 'sent', 'failed', 'retrying'] as const;
export const deliveryStatusSchema = z.enum(deliveryStatuses, 'Must be pending, sent, failed or retrying.');

const nameSchema = z.string('The name must be text.').trim().min(1, 'Give the channel a name.').max(80, 'The name is at most 80 characters.');
const urlSchema = z.string('The URL must be text.').trim().max(2000, 'The URL is at most 2000 characters.');
const secretSchema = z.string('The secret must be text.').min(16, 'The secret is at least 16 characters.').max(200, 'The secret is at most 200 characters.');

export const createChannelSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ orgId: idSchema, kind: z.literal('email'), name: nameSchema, enabled: z.boolean().default(true) }),
    z.strictObject({ orgId: idSchema, kind: z.literal('slack'), name: nameSchema, enabled: z.boolean().default(true), webhookUrl: urlSchema }),
    z.strictObject({ orgId: idSchema, kind: z.literal('webhook'), name: nameSchema, enabled: z.boolean().default(true), url: urlSchema, secret: secretSchema }),
  ],
  'The kind must be email, slack or webhook.',
);
export type CreateChannelInput = z.input<typeof createChannelSchema>;

export const updateChannelSchema = z.strictObject({
  orgId: idSchema,
  id: idSchema,
  name: nameSchema.optional(),
  enabled: z.boolean('Enabled must be true or false.').optional(),
  /** Slack: a new incoming webhook URL (write-only). */
  webhookUrl: urlSchema.optional(),
  /** Webhook: the endpoint URL. */
  url: urlSchema.optional(),
  /** Webhook: a new signing secret (write-only). */
  secret: secretSchema.optional(),
});
export type UpdateChannelInput = z.input<typeof updateChannelSchema>;

export const channelRefSchema = z.object({ orgId: idSchema, id: idSchema });

/** What the API shows of a channel: never the secret, only whether one is set. */
export interface Channel {
  id: string;
  kind: (typeof channelKinds)[number];
  name: string;
  /** Non-secret settings: a webhook's URL. */
  url: string | null;
  secretSet: boolean;
  enabled: boolean;
  createdAt: string;
}

export const preferencesSchema = z.object({
  orgId: idSchema,
  preferences: z
    .array(z.strictObject({ event: eventNameSchema, channel: preferenceChannelSchema, enabled: z.boolean('Enabled must be true or false.') }), 'Preferences must be a list.')
    .max(100, 'At most 100 preferences at once.'),
});
export interface Preference {
  event: string;
  channel: (typeof preferenceChannels)[number];
  enabled: boolean;
}

export const listNotificationsSchema = z.object({
  orgId: idSchema,
  // A query parameter ('true'/'false'), or the boolean once parsed (services parse again).
  unread: z.preprocess((v) => (v === '' ? undefined : typeof v === 'boolean' ? String(v) : v), z.enum(['true', 'false'], 'Unread must be true or false.').optional()).transform((v) => v === 'true'),
  cursor: cursorInput,
  limit: pageLimitSchema,
});
export const markReadSchema = z.union([
  z.strictObject({ orgId: idSchema, ids: z.array(idSchema, 'Ids must be a list of ids.').min(1, 'Name at least one notification.').max(100, 'At most 100 at once.') }),
  z.strictObject({ orgId: idSchema, all: z.literal(true, 'Send all: true to mark everything read.') }),
], 'Send ids (a list) or all: true.');

export const listDeliveriesSchema = z.object({
  orgId: idSchema,
  status: z.preprocess((v) => (v === '' ? undefined : v), deliveryStatusSchema.optional()),
  channelId: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()),
  event: z.preprocess((v) => (v === '' ? undefined : v), eventNameSchema.optional()),
  cursor: cursorInput,
  limit: pageLimitSchema,
});

export interface Notification {
  id: string;
  eventName: string;
  title: string;
  body: string;
  path: string;
  actorId: string | null;
  occurredAt: string;
  readAt: string | null;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventName: string;
  recipientId: string;
  recipientEmail: string | null;
  channelId: string;
  channelName: string;
  channelKind: string;
  status: (typeof deliveryStatuses)[number];
  attempts: number;
  lastError: string | null;
  responseCode: number | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

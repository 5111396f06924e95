import crypto from 'node:crypto';
import type { Tx } from '@/lib/db';
import { appSecretBox } from '@/lib/crypto/app-secret-box';
import { guardDb } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';
import { requirePermission } from '@/lib/permissions/queries';
import { parseInput } from '@/lib/validation/parse-input';
import { assertChannelUrl } from './outbound-config';
import {
  channelRefSchema,
  createChannelSchema,
  updateChannelSchema,
  type Channel,
  type CreateChannelInput,
  type UpdateChannelInput,
} from './schemas';

/** The additional data a channel's secret is sealed with: it opens on this row only. */
export const channelSecretContext = (orgId: string, channelId: string) => `notification_channel:${orgId}:${channelId}`;

interface ChannelRow {
  id: string;
  kind: Channel['kind'];
  name: string;
  config: { url?: string };
  secret_set: boolean;
  enabled: boolean;
  created_at: Date;
}
const toChannel = (r: ChannelRow): Channel => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  url: r.config.url ?? null,
  secretSet: r.secret_set,
  enabled: r.enabled,
  createdAt: r.created_at.toISOString(),
});
const notFound = () => new AppError('not_found', 'That channel does not exist.');
const columns = (tx: Tx) => tx`id, kind, name, config, secret_set, enabled, created_at`;

export async function listChannels(tx: Tx, input: { orgId: string }): Promise<Channel[]> {
  await requirePermission(tx, input.orgId, 'notifications:manage');
  const rows = await tx<ChannelRow[]>`select ${columns(tx)} from public.notification_channels where org_id = ${input.orgId} order by created_at, id`;
  return rows.map(toChannel);
}

export async function getChannel(tx: Tx, input: { orgId: string; id: string }): Promise<Channel> {
  const { orgId, id } = parseInput(channelRefSchema, input);
  await requirePermission(tx, orgId, 'notifications:manage');
  const [row] = await tx<ChannelRow[]>`select ${columns(tx)} from public.notification_channels where org_id = ${orgId} and id = ${id}`;
  if (!row) throw notFound();
  return toChannel(row);
}

export async function createChannel(tx: Tx, input: CreateChannelInput): Promise<Channel> {
  const parsed = parseInput(createChannelSchema, input);
  await requirePermission(tx, parsed.orgId, 'notifications:manage');
  const id = crypto.randomUUID();
  let config: Record<string, string> = {};
  let secret: string | null = null;
  if (parsed.kind === 'slack') secret = assertChannelUrl(parsed.webhookUrl, 'webhookUrl');
  if (parsed.kind === 'webhook') {
    config = { url: assertChannelUrl(parsed.url, 'url') };
    secret = parsed.secret;
  }
  const sealed = secret ? appSecretBox().seal(secret, channelSecretContext(parsed.orgId, id)) : null;
  const [row] = await guardDb(tx<ChannelRow[]>`
    insert into public.notification_channels (id, org_id, kind, name, config, secret_ciphertext, secret_key_id, enabled)
    values (${id}, ${parsed.orgId}, ${parsed.kind}, ${parsed.name}, ${tx.json(config)}, ${sealed?.ciphertext ?? null}, ${sealed?.keyId ?? null}, ${parsed.enabled})
    returning ${columns(tx)}`);
  return toChannel(row!);
}

export async function updateChannel(tx: Tx, input: UpdateChannelInput): Promise<Channel> {
  const parsed = parseInput(updateChannelSchema, input);
  const current = await getChannel(tx, parsed);
  if (parsed.webhookUrl !== undefined && current.kind !== 'slack') throw new AppError('validation_failed', 'Only a Slack channel has a webhook URL.', { field: 'webhookUrl' });
  if ((parsed.url !== undefined || parsed.secret !== undefined) && current.kind !== 'webhook') {
    throw new AppError('validation_failed', 'Only a webhook channel has a URL and a signing secret.', { field: parsed.url !== undefined ? 'url' : 'secret' });
  }
  const newSecret = parsed.webhookUrl !== undefined ? assertChannelUrl(parsed.webhookUrl, 'webhookUrl') : parsed.secret;
  const sealed = newSecret ? appSecretBox().seal(newSecret, channelSecretContext(parsed.orgId, parsed.id)) : null;
  const config = parsed.url !== undefined ? { url: assertChannelUrl(parsed.url, 'url') } : null;
  // Only the columns that change: reading secret_ciphertext (coalesce) would need a grant nobody has.
  const changes: Record<string, unknown> = { updated_at: new Date() };
  if (parsed.name !== undefined) changes.name = parsed.name;
  if (parsed.enabled !== undefined) changes.enabled = parsed.enabled;
  if (config) changes.config = tx.json(config);
  if (sealed) Object.assign(changes, { secret_ciphertext: sealed.ciphertext, secret_key_id: sealed.keyId });
  const [row] = await guardDb(tx<ChannelRow[]>`
    update public.notification_channels set ${tx(changes as Record<string, string>, Object.keys(changes))}
    where org_id = ${parsed.orgId} and id = ${parsed.id}
    returning ${columns(tx)}`);
  if (!row) throw notFound();
  return toChannel(row);
}

export async function deleteChannel(tx: Tx, input: { orgId: string; id: string }): Promise<void> {
  const { orgId, id } = parseInput(channelRefSchema, input);
  await requirePermission(tx, orgId, 'notifications:manage');
  const deleted = await tx`delete from public.notification_channels where org_id = ${orgId} and id = ${id}`;
  if (deleted.count === 0) throw notFound();
}

import type { Tx } from '@/lib/db';
import { currentUserId, requireMembership } from '@/lib/permissions/queries';
import { parseInput } from '@/lib/validation/parse-input';
import type { z } from 'zod';
import { notifiableEventNames, preferenceChannels, preferencesSchema, type Preference } from './schemas';

/** Every (event, channel) pair with the caller's choice; no stored row means on. */
export async function getPreferences(tx: Tx, input: { orgId: string }): Promise<Preference[]> {
  await requireMembership(tx, input.orgId);
  const me = await currentUserId(tx);
  const stored = await tx<{ event: string; channel: string; enabled: boolean }[]>`
    select event, channel, enabled from public.notification_preferences where org_id = ${input.orgId} and user_id = ${me}`;
  return notifiableEventNames.flatMap((event) =>
    preferenceChannels.map((channel) => ({
      event,
      channel,
      enabled: stored.find((s) => s.event === event && s.channel === channel)?.enabled ?? true,
    })),
  );
}

/** Saves the given choices (others unchanged) and returns the full set. */
export async function savePreferences(tx: Tx, input: z.input<typeof preferencesSchema>): Promise<Preference[]> {
  const { orgId, preferences } = parseInput(preferencesSchema, input);
  await requireMembership(tx, orgId);
  const me = await currentUserId(tx);
  for (const p of preferences) {
    await tx`
      insert into public.notification_preferences (org_id, user_id, event, channel, enabled)
      values (${orgId}, ${me}, ${p.event}, ${p.channel}, ${p.enabled})
      on conflict (org_id, user_id, event, channel) do update set enabled = excluded.enabled, updated_at = now()`;
  }
  return getPreferences(tx, { orgId });
}

import { withServiceRole } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { generateSecretToken, hashSecretToken } from '@/lib/crypto/secret-token';
import { parseInput } from '@/lib/validation/parse-input';
import {
  consumeHandoffCodeSchema,
  createHandoffCodeSchema,
  handoffCodeSchema,
  hostSchema,
  HANDOFF_TTL_SECONDS,
  type ConsumeHandoffCodeInput,
  type CreateHandoffCodeInput,
} from '@/lib/handoff/schemas';

/*
 * Sessions are host-only cookies; crossing hosts (apex -> tenant after sign-up,
 * the org switcher) hands the session over with a code: random, stored hashed,
 * bound to one user and one target host, valid 60 seconds, single use. The
 * caller must only pass a `userId` from a verified session and a `targetHost`
 * it has checked is the apex or a tenant host under NEXT_PUBLIC_ROOT_DOMAIN.
 */

export interface HandoffCode {
  code: string;
  expiresAt: Date;
}

export async function createHandoffCode(input: CreateHandoffCodeInput): Promise<HandoffCode> {
  const { userId, targetHost } = parseInput(createHandoffCodeSchema, input);
  const code = generateSecretToken();
  return withServiceRole('handoff: issue a cross-host sign-in code for a verified user', async (tx) => {
    // Housekeeping: codes are useless a minute after issue.
    await tx`delete from public.handoff_codes where expires_at < now() - interval '1 hour'`;
    const [row] = await tx<{ expires_at: Date }[]>`
      insert into public.handoff_codes (code_hash, user_id, target_host, expires_at)
      values (${hashSecretToken(code)}, ${userId}, ${targetHost}, now() + make_interval(secs => ${HANDOFF_TTL_SECONDS}))
      returning expires_at`;
    if (!row) throw new Error('insert returned no row');
    return { code, expiresAt: row.expires_at };
  });
}

const rejected = () => new AppError('unauthorized', 'This sign-in link is not valid any more. Sign in again.');

/**
 * Redeems a code on `host` and returns whose session to create. Any attempt
 * burns the code, so a code tried on the wrong host cannot be retried on the
 * right one. Unknown, used, expired and wrong-host codes all answer alike.
 */
export async function consumeHandoffCode(input: ConsumeHandoffCodeInput): Promise<{ userId: string }> {
  const raw = parseInput(consumeHandoffCodeSchema, input);
  const code = handoffCodeSchema.safeParse(raw.code);
  const host = hostSchema.safeParse(raw.host);
  if (!code.success || !host.success) throw rejected();
  const rows = await withServiceRole('handoff: redeem a cross-host sign-in code', (tx) =>
    tx<{ user_id: string; target_host: string; expired: boolean }[]>`
      update public.handoff_codes set used_at = now()
      where code_hash = ${hashSecretToken(code.data)} and used_at is null
      returning user_id, target_host, expires_at <= now() as expired`,
  );
  const row = rows[0];
  if (!row || row.expired || row.target_host !== host.data) throw rejected();
  return { userId: row.user_id };
}

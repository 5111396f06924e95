import { z } from 'zod';
import { idSchema } from '@/lib/permissions/schemas';

/** A host with an optional port, lower-cased: `acme.localhost:3000`, `acme.example.com`. */
export const hostSchema = z
  .string({ error: 'The host is required.' })
  .trim()
  .toLowerCase()
  .max(253, 'The host is too long.')
  .transform((host) => host.replace(/\.(?=(:\d+)?$)/, ''))
  .pipe(z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/, 'The host is not valid.'));

/** The code from a handoff URL: 32 random bytes, base64url. */
export const handoffCodeSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{43}$/, 'The handoff code is not valid.');

export const createHandoffCodeSchema = z.object({ userId: idSchema, targetHost: hostSchema });
export type CreateHandoffCodeInput = z.input<typeof createHandoffCodeSchema>;

export const consumeHandoffCodeSchema = z.object({ code: z.string().max(200), host: z.string().max(300) });
export type ConsumeHandoffCodeInput = z.input<typeof consumeHandoffCodeSchema>;

export const HANDOFF_TTL_SECONDS = 60;

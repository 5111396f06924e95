import { z } from 'zod';

/** GET /api/auth/realtime-token: the signed-in user's current access token and its expiry (epoch seconds). */
export const realtimeTokenSchema = z.object({
  access_token: z.string().min(1),
  expires_at: z.number().int().positive(),
});
export type RealtimeToken = z.infer<typeof realtimeTokenSchema>;

export const REALTIME_TOKEN_PATH = '/api/auth/realtime-token';

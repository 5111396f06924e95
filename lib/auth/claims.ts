import { z } from 'zod';
import type { RlsClaims } from '@/lib/db';

/** The claims of a verified Supabase access token that the app relies on. */
export const verifiedClaimsSchema = z.looseObject({
  sub: z.uuid(),
  role: z.literal('authenticated'),
  email: z.string().optional(),
  session_id: z.string().optional(),
  aal: z.string().optional(),
  is_anonymous: z.boolean().optional(),
  app_metadata: z.record(z.string(), z.unknown()).optional(),
  user_metadata: z.record(z.string(), z.unknown()).optional(),
  exp: z.number(),
});
export type VerifiedClaims = z.infer<typeof verifiedClaimsSchema>;

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  claims: VerifiedClaims;
}

export function toCurrentUser(claims: VerifiedClaims): CurrentUser {
  const name = claims.user_metadata?.full_name;
  return {
    id: claims.sub,
    email: claims.email ?? '',
    name: typeof name === 'string' && name.trim() ? name : null,
    claims,
  };
}

/** Claims for withRls: only the verified token's own fields. */
export function rlsClaimsOf(user: CurrentUser): RlsClaims {
  return { ...user.claims, role: 'authenticated', sub: user.id };
}

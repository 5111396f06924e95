import { requestOrigin } from '@/lib/request/origin';

/**
 * The link an auth email returns to: `/auth/confirm` on the host the person is
 * using (the PKCE verifier cookie is host-only), then on to `next`.
 */
export async function confirmUrl(next: string): Promise<string> {
  return `${await requestOrigin()}/auth/confirm?next=${encodeURIComponent(next)}`;
}

import type { IncomingMessage } from 'node:http';
import { GatewayError } from '../auth/errors.ts';
import { resolveApiKey } from '../auth/guards.ts';
import type { RealtimeServices } from './options.ts';
import { RestError } from './rest-http.ts';
import { apiKeyClaims, verifyRealtimeToken, type RealtimeClaims } from './tokens.ts';

/**
 * Who calls the REST API: the gateway first requires the `apikey` (publishable or secret
 * key), then Realtime's AuthTenant reads `Authorization: Bearer <jwt>` (else the apikey) and
 * answers 401 `{"message":"Unauthorized"}` for anything it cannot verify. A bearer that is one
 * of the API keys acts with that key's role, as the gateway arranges on hosted Supabase.
 */
export async function restCaller(services: RealtimeServices, req: IncomingMessage, url: URL): Promise<RealtimeClaims> {
  let key: ReturnType<typeof resolveApiKey>;
  try {
    key = resolveApiKey(services, { req, url });
  } catch (error) {
    if (error instanceof GatewayError) throw new RestError(error.status, { message: error.message, hint: error.hint });
    throw error;
  }
  const authorization = req.headers.authorization;
  let token: string | null = key.key;
  if (typeof authorization === 'string' && authorization !== '') {
    const parts = authorization.split(' ');
    token = parts.length === 2 && parts[0]?.toLowerCase() === 'bearer' ? (parts[1] ?? null) : null;
  }
  if (token === services.keys.publishableKey) return apiKeyClaims('anon');
  if (token === services.keys.secretKey) return apiKeyClaims('service_role');
  if (token === null || token.startsWith('sb_')) throw new RestError(401, { message: 'Unauthorized' });
  const check = await verifyRealtimeToken(token, services.keys);
  if (!check.ok) throw new RestError(401, { message: 'Unauthorized' });
  return check.claims;
}

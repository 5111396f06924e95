import type { AuthServices } from './context.ts';
import type { HandlerResult, RequestContext } from './http.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  method: Method;
  /** Path below /auth/v1; `:name` segments become ctx.params.name. */
  path: string;
  /** Reachable without an API key (like Supabase's gateway open routes: verify, JWKS, health). */
  open?: boolean;
  handler: (ctx: RequestContext, services: AuthServices) => Promise<HandlerResult>;
}

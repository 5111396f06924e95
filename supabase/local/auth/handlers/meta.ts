import type { AuthServices } from '../context.ts';
import { json } from '../http.ts';
import type { Route } from '../route.ts';

const PROVIDERS = [
  'anonymous_users', 'apple', 'azure', 'bitbucket', 'discord', 'facebook', 'figma', 'fly', 'github', 'gitlab',
  'google', 'keycloak', 'kakao', 'linkedin_oidc', 'notion', 'spotify', 'slack', 'slack_oidc', 'twitch', 'twitter',
  'workos', 'zoom', 'phone',
] as const;

function settings(s: AuthServices) {
  const external: Record<string, boolean> = Object.fromEntries(PROVIDERS.map((p) => [p, false]));
  external.email = true;
  return {
    external,
    disable_signup: !s.config.signupEnabled,
    mailer_autoconfirm: !s.config.requireEmailConfirmation,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  };
}

export const metaRoutes: Route[] = [
  {
    method: 'GET',
    path: '/health',
    open: true,
    handler: async () => json({ version: 'local', name: 'GoTrue', description: 'GoTrue is a user registration and authentication API (local stand-in)' }),
  },
  { method: 'GET', path: '/settings', handler: async (_ctx, s) => json(settings(s)) },
  {
    method: 'GET',
    path: '/.well-known/jwks.json',
    open: true,
    handler: async (_ctx, s) => json(s.tokens.jwks(), 200, { 'Cache-Control': 'public, max-age=600' }),
  },
];

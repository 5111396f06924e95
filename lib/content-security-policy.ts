/**
 * The Content-Security-Policy of every response, built per request (middleware.ts) so it
 * follows the runtime environment: besides this app, the browser may connect to the Supabase
 * project for Realtime only (its WebSocket, and HTTPS for REST broadcasts). Everything else
 * stays 'self'; Supabase Auth and Postgres are reached from the server.
 */
export function contentSecurityPolicy(opts: { supabaseUrl: string; dev: boolean }): string {
  const project = new URL(opts.supabaseUrl);
  const socket = `${project.protocol === 'https:' ? 'wss' : 'ws'}://${project.host}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${project.origin} ${socket}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The browser connects to Realtime at the Supabase project (its WebSocket, and HTTPS for REST
 * broadcasts), so the page's CSP `connect-src` must name that origin: this adds it to a policy.
 * The project URL is a runtime setting, hence per request in middleware.ts.
 */
export function allowRealtimeConnections(policy: string, supabaseUrl: string): string {
  const project = new URL(supabaseUrl);
  const socket = `${project.protocol === 'https:' ? 'wss' : 'ws'}://${project.host}`;
  const directives = policy.split(/;\s*/).filter(Boolean);
  const index = directives.findIndex((d) => d.split(/\s+/)[0] === 'connect-src');
  const connect = index === -1 ? "connect-src 'self'" : directives[index]!;
  const sources = connect.split(/\s+/);
  for (const source of [project.origin, socket]) if (!sources.includes(source)) sources.push(source);
  if (index === -1) directives.push(sources.join(' '));
  else directives[index] = sources.join(' ');
  return directives.join('; ');
}

import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/request/content-security-policy';
import { allowRealtimeConnections } from './connect-sources';

describe('allowRealtimeConnections', () => {
  it("adds the project's HTTPS and WebSocket origins to connect-src and changes nothing else", () => {
    const base = contentSecurityPolicy('bm9uY2U=', false);
    const hosted = allowRealtimeConnections(base, 'https://abcd.supabase.co');
    expect(hosted).toContain("connect-src 'self' https://abcd.supabase.co wss://abcd.supabase.co;");
    expect(hosted.replace(" https://abcd.supabase.co wss://abcd.supabase.co", '')).toBe(base);
    const local = allowRealtimeConnections(base, 'http://127.0.0.1:54321');
    expect(local).toContain("connect-src 'self' http://127.0.0.1:54321 ws://127.0.0.1:54321;");
    expect(allowRealtimeConnections(local, 'http://127.0.0.1:54321')).toBe(local);
    expect(allowRealtimeConnections("default-src 'self'", 'http://x.test')).toBe("default-src 'self'; connect-src 'self' http://x.test ws://x.test");
  });
});

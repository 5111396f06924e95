import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

describe('contentSecurityPolicy', () => {
  it('lets the browser reach the Supabase project for Realtime and nothing else beyond self', () => {
    const hosted = contentSecurityPolicy({ supabaseUrl: 'https://abcd.supabase.co', dev: false });
    expect(hosted).toContain("connect-src 'self' https://abcd.supabase.co wss://abcd.supabase.co;");
    expect(hosted).not.toContain('unsafe-eval');
    expect(hosted).toContain("frame-ancestors 'none'");
    const local = contentSecurityPolicy({ supabaseUrl: 'http://127.0.0.1:54321', dev: true });
    expect(local).toContain("connect-src 'self' http://127.0.0.1:54321 ws://127.0.0.1:54321;");
    expect(local).toContain("'unsafe-eval'");
  });
});

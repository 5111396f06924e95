import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, nonceOf } from '@/lib/request/content-security-policy';

const scriptSrc = (policy: string) => /script-src ([^;]+)/.exec(policy)?.[1] ?? '';

describe('contentSecurityPolicy', () => {
  it('production: scripts only with the nonce, no unsafe-inline or unsafe-eval', () => {
    const policy = contentSecurityPolicy('abc123==', false);
    expect(scriptSrc(policy)).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("development adds 'unsafe-eval' (React's debugging helpers), still no unsafe-inline scripts", () => {
    expect(scriptSrc(contentSecurityPolicy('n', true))).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
  });

  it('a fresh 128-bit nonce each time, read back from the header', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    const nonce = newNonce();
    expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    expect(nonceOf(new Headers({ 'content-security-policy': contentSecurityPolicy(nonce, false) }))).toBe(nonce);
    expect(nonceOf(new Headers())).toBeUndefined();
  });
});

import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureOf, signWebhook, verifyWebhook } from './webhook-signature';

const secret = 'whsec_test_secret';
const body = JSON.stringify({ event: 'tasks/task.assigned', title: 'Ada assigned you “Ship it”' });
const now = Date.parse('2026-12-22T10:00:00Z');

describe('webhook signatures (HMAC-SHA256 over `t.body`)', () => {
  it('signs as t=<seconds>,v1=<hex> and matches an independent HMAC', () => {
    const header = signWebhook(secret, body, now);
    const t = now / 1000;
    const hmac = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${hmac}`);
    expect(signatureOf(secret, t, body)).toBe(hmac);
  });

  it('verifies a fresh signature, also among several v1 values (rotation)', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhook(secret, body, header, { now: now + 60_000 })).toEqual({ ok: true, timestamp: now / 1000 });
    const rotated = `${header.split(',')[0]},v1=${'0'.repeat(64)},${header.split(',')[1]}`;
    expect(verifyWebhook(secret, body, rotated, { now }).ok).toBe(true);
  });

  it('refuses replays outside the window, other bodies, other secrets and malformed headers', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhook(secret, body, header, { now: now + 301_000 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhook(secret, body, header, { now: now - 301_000 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhook(secret, body, header, { now: now + 10_000, toleranceSeconds: 5 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhook(secret, `${body} `, header, { now })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhook('other', body, header, { now })).toEqual({ ok: false, reason: 'mismatch' });
    const t = now / 1000;
    const forged = `t=${t + 1},v1=${header.split('v1=')[1]}`;
    expect(verifyWebhook(secret, body, forged, { now })).toEqual({ ok: false, reason: 'mismatch' });
    for (const bad of [null, '', 'v1=abc', `t=${t}`, `t=soon,v1=${'a'.repeat(64)}`, `t=${t},v1=xyz`]) {
      expect(verifyWebhook(secret, body, bad, { now }).ok).toBe(false);
    }
  });
});

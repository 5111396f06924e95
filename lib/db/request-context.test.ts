import { describe, expect, it } from 'vitest';
import { contextSettings, requestContextSchema } from './request-context';

describe('requestContextSchema', () => {
  it('keeps valid ips, nulls invalid ones and cuts long user agents', () => {
    expect(requestContextSchema.parse({ requestId: 'r1', ip: '2001:db8::1', userAgent: 'x' }).ip).toBe('2001:db8::1');
    expect(requestContextSchema.parse({ requestId: 'r1', ip: '1.2.3.4, 5.6.7.8', userAgent: null }).ip).toBeNull();
    expect(requestContextSchema.parse({ requestId: 'r1', ip: null, userAgent: 'u'.repeat(600) }).userAgent).toHaveLength(512);
  });

  it('requires a request id', () => {
    expect(requestContextSchema.safeParse({ requestId: ' ', ip: null, userAgent: null }).success).toBe(false);
  });
});

describe('contextSettings', () => {
  it('gives the values withRls sets, empty strings for none or invalid contexts', () => {
    expect(contextSettings({ requestId: 'r1', ip: 'nope', userAgent: null })).toEqual(['r1', '', '']);
    expect(contextSettings({ requestId: 'r1', ip: '203.0.113.7', userAgent: 'ua' })).toEqual(['r1', '203.0.113.7', 'ua']);
    expect(contextSettings(undefined)).toEqual(['', '', '']);
    expect(contextSettings({ requestId: '', ip: null, userAgent: null })).toEqual(['', '', '']);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError, errorHeaders, toErrorBody } from './errors';

describe('error vocabulary', () => {
  it('maps codes to statuses and keeps details', () => {
    const { status, body } = toErrorBody(new AppError('validation_failed', 'Slug is too short', { field: 'slug' }));
    expect(status).toBe(422);
    expect(body).toEqual({ error: { code: 'validation_failed', message: 'Slug is too short', details: { field: 'slug' } } });
    expect(toErrorBody(new AppError('not_found', 'No such member')).status).toBe(404);
  });

  it('never leaks an unknown error', () => {
    const secret = new Error('password authentication failed for user "postgres" at /srv/app.ts:12');
    const { status, body } = toErrorBody(secret);
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('postgres');
    expect(body.error.code).toBe('internal');
  });

  it('asks for Retry-After only on a rate_limited error that knows its wait', () => {
    expect(errorHeaders(new AppError('rate_limited', 'Slow down.', { retryAfterSeconds: 41.2 }))).toEqual({ 'Retry-After': '42' });
    expect(errorHeaders(new AppError('rate_limited', 'Slow down.'))).toEqual({});
    expect(errorHeaders(new AppError('conflict', 'No.', { retryAfterSeconds: 5 }))).toEqual({});
    expect(errorHeaders(new Error('x'))).toEqual({});
  });
});

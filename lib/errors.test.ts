import { describe, expect, it } from 'vitest';
import { AppError, toErrorBody } from './errors';

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
});

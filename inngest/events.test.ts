import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { inngest } from './client';
import { appEvents, invitationCreated } from './events';

describe('app events', () => {
  it.each(appEvents.map((e) => [e.name, e]))('%s is named domain/noun.verb and has a zod schema', (name, event) => {
    expect(name).toMatch(/^[a-z]+(-[a-z]+)*\/[a-z]+(-[a-z]+)*\.[a-z]+$/);
    expect(event.schema?.['~standard'].vendor).toBe('zod');
  });
});

describe('the app client in tests', () => {
  it('sends typed events to the executor the test run started (INNGEST_DEV, INNGEST_BASE_URL)', async () => {
    const { ids } = await inngest.send(invitationCreated.create({
      orgId: crypto.randomUUID(), invitationId: crypto.randomUUID(), email: 'someone@example.test', role: 'member',
      organizationName: 'Acme', organizationSlug: 'acme', inviterEmail: 'owner@acme.test',
      token: crypto.randomBytes(32).toString('base64url'), expiresAt: new Date().toISOString(),
    }));
    expect(ids).toHaveLength(1);
    const res = await fetch(`${process.env.INNGEST_BASE_URL}/v1/events/${ids[0]}/runs`);
    expect(res.status).toBe(200);
  });
});

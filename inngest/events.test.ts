import { describe, expect, it } from 'vitest';
import { appEvents } from './events';

describe('app events', () => {
  it.each(appEvents.map((e) => [e.name, e]))('%s is named domain/noun.verb and has a zod schema', (name, event) => {
    expect(name).toMatch(/^[a-z]+(-[a-z]+)*\/[a-z]+(-[a-z]+)*\.[a-z]+$/);
    expect(event.schema?.['~standard'].vendor).toBe('zod');
  });
});

import { describe, expect, it } from 'vitest';
import { evaluateExpression, matchesExpression, validateExpression } from './evaluate.ts';

const event = { name: 'shop/order.created', data: { orderId: 'o1', amount: 120, tenant: 'acme', tags: ['a', 'b'], user: { id: 7 } } };
const vars = { event, async: { name: 'shop/order.paid', data: { orderId: 'o1', amount: 120 } } };

describe('CEL subset', () => {
  it.each([
    ['event.data.orderId == async.data.orderId', true],
    ["event.data.orderId == 'o2'", false],
    ['event.data.amount > 100 && async.data.amount >= 120', true],
    ['event.data.amount < 100 || event.data.tenant == "acme"', true],
    ['!(event.data.amount == 120)', false],
    ['event.data.user.id == 7', true],
    ["event.data['tenant'] == 'acme'", true],
    ['"a" in event.data.tags', true],
    ['size(event.data.tags) == 2 && event.data.tags.size() == 2', true],
    ["event.data.tenant.startsWith('ac') && event.name.endsWith('.created')", true],
    ['has(event.data.missing)', false],
    ['has(event.data.orderId)', true],
    ['event.data.missing == async.data.missing', undefined],
    ['event.data.missing != 1', undefined],
    ['event.data.missing == 1 || true', true],
    ['event.data.amount * 2 - 40 == 200', true],
    ["event.data.amount > 100 ? 'big' : 'small'", 'big'],
  ])('%s → %o', (source, expected) => {
    expect(evaluateExpression(source, vars)).toEqual(expected);
  });

  it('builds keys by concatenation', () => {
    expect(evaluateExpression('event.data.tenant + "-" + event.data.orderId', vars)).toBe('acme-o1');
    expect(evaluateExpression('event.data.user', vars)).toEqual({ id: 7 });
  });

  it('treats errors and non-booleans as no match', () => {
    expect(matchesExpression('event.data.amount', vars)).toBe(false);
    expect(matchesExpression('event.data.nope.deeper == 1', vars)).toBe(false);
    expect(matchesExpression(undefined, vars)).toBe(true);
    expect(matchesExpression("event.data.tenant == 'acme'", vars)).toBe(true);
  });

  it.each(['event.data.x ==', "event.data.x == 'open", 'event.data.x === 1', 'a ; b', '(a'])('rejects %s', (source) => {
    expect(() => validateExpression(source)).toThrow(/expression/);
  });
});

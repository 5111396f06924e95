import { describe, expect, it } from 'vitest';
import { isHiddenPath } from './paths';

describe('isHiddenPath', () => {
  it.each([
    ['/w', true],
    ['/w/acme/members', true],
    ['/api/bench', true],
    ['/api/bench/bare-sql', true],
    ['/api/bench/constant', true],
    ['/api/benchmarks', false],
    ['/api/audit', false],
    ['/workspace-not-found', false],
  ])('in a normal start %s → %s', (pathname, hidden) => {
    expect(isHiddenPath(pathname, false)).toBe(hidden);
  });

  it('serves the benchmark routes only when the server was started for benchmarking', () => {
    expect(isHiddenPath('/api/bench/bare-sql', true)).toBe(false);
    expect(isHiddenPath('/api/bench/constant', true)).toBe(false);
    expect(isHiddenPath('/w/acme', true)).toBe(true);
  });
});

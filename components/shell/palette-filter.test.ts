import { describe, expect, it } from 'vitest';
import { paletteFilter } from './palette-filter';

describe('paletteFilter', () => {
  it('shows everything for an empty search', () => {
    expect(paletteFilter('Members', '')).toBe(1);
    expect(paletteFilter('Members', '   ')).toBe(1);
  });

  it('matches words in the label or keywords, case-insensitively', () => {
    expect(paletteFilter('Audit log', 'AUD')).toBeGreaterThan(0);
    expect(paletteFilter('Members', 'people', ['people', 'team'])).toBeGreaterThan(0);
    expect(paletteFilter('Mia Chen <mia@example.com>', 'chen mia')).toBeGreaterThan(0);
  });

  it('does not match scattered letters (an email full of random characters stays out)', () => {
    expect(paletteFilter('Victor Stone <shell-viewer-mfu3d9i2-a1b2c3@example.com>', 'audit')).toBe(0);
    expect(paletteFilter('Audit log', 'adt')).toBe(0);
  });

  it('ranks a label prefix above a word prefix above a match inside a word above keywords', () => {
    const prefix = paletteFilter('Members', 'mem');
    const word = paletteFilter('Team members', 'mem');
    const inside = paletteFilter('Remembered', 'mem');
    const keyword = paletteFilter('People', 'mem', ['members']);
    expect(prefix).toBeGreaterThan(word);
    expect(word).toBeGreaterThan(inside);
    expect(inside).toBeGreaterThan(keyword);
    expect(keyword).toBeGreaterThan(0);
  });
});

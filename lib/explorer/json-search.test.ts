import { describe, expect, test } from 'vitest';
import { countMatches, splitMatches } from './json-search';

describe('JSON tree search', () => {
  test('splits text around case-insensitive matches', () => {
    expect(splitMatches('a<b>A<b>', '<B>')).toEqual([
      { text: 'a', match: false },
      { text: '<b>', match: true },
      { text: 'A', match: false },
      { text: '<b>', match: true },
    ]);
    expect(splitMatches('abc', '')).toEqual([{ text: 'abc', match: false }]);
    expect(splitMatches('abc', 'x')).toEqual([{ text: 'abc', match: false }]);
    expect(splitMatches('', 'x')).toEqual([{ text: '', match: false }]);
  });

  test('counts matching keys and values', () => {
    const body = { metadata: { name: 'web', labels: { web: 'x' } }, n: [1, 12, null] };
    expect(countMatches(body, 'web')).toBe(2);
    expect(countMatches(body, '1')).toBe(2);
    expect(countMatches(body, 'NULL')).toBe(1);
    expect(countMatches(body, '')).toBe(0);
  });
});

import { describe, expect, test } from 'vitest';
import { defaultQuery, formatQuery, parseQuery } from './codec';
import { activePreset, applyPreset, PRESETS } from './presets';

describe('security presets', () => {
  test.each(PRESETS.map((p) => [p.id, p] as const))('%s parses and is canonical', (_, p) => {
    const parsed = parseQuery(new URLSearchParams(p.params));
    if (!parsed.ok) throw new Error(`${p.id}: ${parsed.error.message}`);
    expect(parsed.query.filters.length).toBeGreaterThan(0);
    // Filters only: the viewer's range, source and sort stay.
    expect(formatQuery({ ...parsed.query, filters: [] })).toBe('');
    expect(formatQuery(parsed.query)).toBe(p.params);
  });

  test('ids are unique and every preset has a label and a description', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(p.label).not.toBe('');
      expect(p.description).not.toBe('');
    }
  });

  test('a preset keeps the range and replaces filters and text', () => {
    const base = parseQuery(new URLSearchParams('from=now-7d&user=alice&q=foo&limit=20'));
    if (!base.ok) throw base.error;
    const denied = PRESETS.find((p) => p.id === 'denied')!;
    const q = applyPreset(base.query, denied);
    expect(formatQuery(q)).toBe('from=now-7d&code=401&code=403&limit=20');
    expect(activePreset(q)).toBe(denied);
    expect(activePreset(base.query)).toBeNull();
    expect(activePreset(defaultQuery())).toBeNull();
  });

  test('an invalid preset is caught', () => {
    expect(() =>
      applyPreset(defaultQuery(), { id: 'x', label: 'x', description: 'x', params: 'code=abc' }),
    ).toThrow(/code/);
  });
});

// The embedded store flattens events with compiled accessors for speed; they must agree
// with the catalogue's own definition of every dimension's values.

import { expect, test } from 'vitest';
import { DIMENSIONS, dimensionValues } from '@/lib/audit/dimensions';
import { normalize } from '@/lib/audit/normalize';
import { generateSampleEvents } from '@/lib/sample/generate';
import { makeEvent } from '@/lib/testing/make-event';
import { toRow } from './schema';

test('toRow gives each dimension the values the catalogue defines', () => {
  const raws = [
    ...generateSampleEvents({ seed: 3, end: Date.UTC(2026, 10, 20), requests: 2000 }),
    makeEvent(1, { user: {}, sourceIPs: [], objectRef: undefined, responseStatus: undefined }),
    makeEvent(2, { impersonatedUser: { username: 'alice', groups: ['devs'] } }),
  ];
  let checked = 0;
  for (const raw of raws) {
    const r = normalize(raw);
    if (!r.ok) throw new Error(r.reason);
    for (const e of r.events) {
      const row = toRow(e, 0, 0, 0);
      for (const d of DIMENSIONS) {
        const want = dimensionValues(e, d);
        const got = row[d.column];
        if (d.multi) expect(got, d.key).toEqual(want);
        else if (d.type === 'number') expect(got, d.key).toBe(want.length ? Number(want[0]) : null);
        else expect(got, d.key).toBe(want[0] ?? '');
      }
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(2000);
});

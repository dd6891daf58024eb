import { describe, expect, test } from 'vitest';
import { OTHER_KEY, type TimelineResult } from '@/lib/backends/types';
import { codeClass, codeClassTimeline } from './code-class';

describe('code classes', () => {
  test.each([
    ['200', '2xx'],
    ['101', '1xx'],
    ['403', '4xx'],
    ['503', '5xx'],
    ['', OTHER_KEY],
    [OTHER_KEY, OTHER_KEY],
    ['0', OTHER_KEY],
    ['2000', OTHER_KEY],
    ['600', OTHER_KEY],
  ])('%s is %s', (code, cls) => expect(codeClass(code)).toBe(cls));

  test('sums codes per class, keeps totals, and puts the rest under other', () => {
    const t: TimelineResult = {
      bucketSeconds: 60,
      split: 'code',
      series: ['200', '403', '201', '401', '500', OTHER_KEY],
      total: 25,
      buckets: [
        {
          start: '2026-11-23T00:00:00Z',
          total: 15,
          counts: { '200': 5, '201': 2, '403': 3, '401': 1, [OTHER_KEY]: 4 },
        },
        { start: '2026-11-23T00:01:00Z', total: 10, counts: { '500': 6, '200': 4 } },
      ],
    };
    const c = codeClassTimeline(t);
    expect(c.series).toEqual(['2xx', '4xx', '5xx', OTHER_KEY]);
    expect(c.buckets.map((b) => b.counts)).toEqual([
      { '2xx': 7, '4xx': 4, [OTHER_KEY]: 4 },
      { '5xx': 6, '2xx': 4 },
    ]);
    expect(c.buckets.map((b) => b.total)).toEqual([15, 10]);
    expect(c.total).toBe(25);
  });
});

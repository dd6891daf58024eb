import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { toAuditTime } from './event-time';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `ms` written as local time at `offsetMinutes` from UTC, with `digits` of fraction after the ms. */
function writeWithOffset(ms: number, offsetMinutes: number, extraDigits: string): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${extraDigits}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

describe('toAuditTime', () => {
  test('keeps the canonical form as it is', () => {
    expect(toAuditTime('2026-11-23T03:50:58.107723Z')).toBe('2026-11-23T03:50:58.107723Z');
  });

  test('truncates, never rounds, digits past microseconds', () => {
    expect(toAuditTime('2026-12-31T23:59:59.999999999Z')).toBe('2026-12-31T23:59:59.999999Z');
  });

  test('accepts lowercase separators, a comma fraction and offsets without a colon', () => {
    expect(toAuditTime('2026-11-23t03:50:58,5z')).toBe('2026-11-23T03:50:58.500000Z');
    expect(toAuditTime('2026-11-23T04:50:58+0100')).toBe('2026-11-23T03:50:58.000000Z');
    expect(toAuditTime('2026-11-23T03:50:58.1-00:00')).toBe('2026-11-23T03:50:58.100000Z');
  });

  test('handles years below 100 without Date.UTC turning them into 19xx', () => {
    expect(toAuditTime('0050-01-01T01:00:00+01:00')).toBe('0050-01-01T00:00:00.000000Z');
  });

  test.each([
    '',
    'yesterday',
    '2026-11-23',
    '2026-13-01T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-11-23T03:60:00Z',
    '2026-11-23T03:50:60Z',
    '2026-11-23T03:50:58.Z',
    '2026-11-23T03:50:58Z ',
    '2026-11-23T03:50:58+24:00',
    '1699999999',
  ])('rejects %j', (text) => {
    expect(toAuditTime(text)).toBeUndefined();
  });

  test('any instant written at any offset reads back as the same UTC instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(9999, 11, 30) }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.stringMatching(/^\d{0,6}$/),
        (ms, offset, extra) => {
          const micros = `${new Date(ms).toISOString().slice(20, 23)}${extra}`
            .padEnd(6, '0')
            .slice(0, 6);
          const expected = `${new Date(ms).toISOString().slice(0, 19)}.${micros}Z`;
          expect(toAuditTime(writeWithOffset(ms, offset, extra))).toBe(expected);
        },
      ),
    );
  });
});

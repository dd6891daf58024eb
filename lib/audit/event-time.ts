// Audit timestamps to one form: ISO-8601 UTC with exactly six fractional digits, the form
// the apiserver writes. Date only holds milliseconds, so the fraction is carried as text
// (nanoseconds are truncated, never rounded, so ordering between events is kept).

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MINUTE_MS = 60_000;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function microsFrom(fraction: string | undefined): string {
  if (fraction === undefined) return '000000';
  return fraction.length >= 6 ? fraction.slice(0, 6) : fraction.padEnd(6, '0');
}

/**
 * Parses an RFC 3339 time (0–9+ fractional digits, `Z` or a numeric offset; a missing
 * offset is read as UTC, as some shippers write UTC without one) and returns it as
 * `2026-11-23T03:50:58.107723Z`, or undefined when it is not a valid time.
 */
export function toAuditTime(text: string): string | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offH, offM] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const micros = microsFrom(fraction);

  if (sign === undefined || (offH === '00' && offM === '00')) {
    if (zulu === 'Z' && fraction?.length === 6 && text.charCodeAt(10) === 0x54) return text;
    return `${y}-${mo}-${d}T${h}:${mi}:${s}.${micros}Z`;
  }
  if (Number(offH) > 23 || Number(offM) > 59) return undefined;
  const offsetMinutes = Number(offH) * 60 + Number(offM);
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day); // Date.UTC maps years 0–99 to 1900–1999
  local.setUTCHours(Number(h), Number(mi), Number(s), 0);
  const utc = new Date(local.getTime() - (sign === '+' ? 1 : -1) * offsetMinutes * MINUTE_MS);
  const utcYear = utc.getUTCFullYear();
  if (utcYear < 0 || utcYear > 9999) return undefined;
  return `${utc.toISOString().slice(0, 19)}.${micros}Z`;
}

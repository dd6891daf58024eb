// Timestamps as the apiserver writes them: RFC 3339 in UTC with exactly six fraction
// digits (`2026-11-23T03:50:58.107723Z`). Times are integer microseconds since the epoch.

const DIGITS2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const DIGITS3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * Formats microsecond times without a Date per call: the date part is cached per day, the
 * clock part built from digit tables. The generator formats several times per request.
 */
export class MicrosFormatter {
  private day = Number.NaN;
  private datePrefix = '';
  private second = Number.NaN;
  private prefix = '';

  format(micros: number): string {
    const second = Math.floor(micros / 1e6);
    if (second !== this.second) {
      this.second = second;
      const day = Math.floor(second / 86_400);
      if (day !== this.day) {
        this.day = day;
        this.datePrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
      }
      const ofDay = second - day * 86_400;
      const minutes = Math.floor(ofDay / 60);
      this.prefix = `${this.datePrefix}${DIGITS2[Math.floor(minutes / 60)]}:${DIGITS2[minutes % 60]}:${DIGITS2[ofDay % 60]}.`;
    }
    const fraction = micros - second * 1e6;
    return `${this.prefix}${DIGITS3[Math.floor(fraction / 1000)]}${DIGITS3[fraction % 1000]}Z`;
  }
}

let lastSecond = Number.NaN;
let lastSecondIso = '';

/** Second precision, as Kubernetes writes object times (`creationTimestamp`, `lastHeartbeatTime`). */
export function isoSeconds(micros: number): string {
  const second = Math.floor(micros / 1e6);
  if (second !== lastSecond) {
    lastSecond = second;
    lastSecondIso = new Date(second * 1000).toISOString().slice(0, 19) + 'Z';
  }
  return lastSecondIso;
}

// Timestamps as the apiserver writes them: RFC 3339 in UTC with exactly six fraction
// digits (`2026-11-23T03:50:58.107723Z`). Times are integer microseconds since the epoch.

/**
 * Formats microsecond times, reusing the `YYYY-MM-DDTHH:MM:SS.` prefix while the second
 * stays the same: consecutive events mostly share it, and Date#toISOString is the slow part.
 */
export class MicrosFormatter {
  private second = Number.NaN;
  private prefix = '';

  format(micros: number): string {
    const second = Math.floor(micros / 1e6);
    if (second !== this.second) {
      this.second = second;
      this.prefix = new Date(second * 1000).toISOString().slice(0, 20);
    }
    return this.prefix + String(micros - second * 1e6 + 1e6).slice(1) + 'Z';
  }
}

/** Second precision, as Kubernetes writes object times (`creationTimestamp`, `lastHeartbeatTime`). */
export function isoSeconds(micros: number): string {
  return new Date(Math.floor(micros / 1e6) * 1000).toISOString().slice(0, 19) + 'Z';
}

// Axis labels in the viewer's time zone: clock times for a day or less, dates beyond.

const TIME = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const DAY_TIME = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

const DAY_MS = 86_400_000;

export function tickFormatter(spanMs: number): (t: number) => string {
  if (spanMs <= DAY_MS) return (t) => TIME.format(t);
  if (spanMs <= 3 * DAY_MS) return (t) => DAY_TIME.format(t);
  return (t) => DAY.format(t);
}

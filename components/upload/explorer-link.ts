/** The explorer over [minTime, maxTime], widened to whole seconds (`to` is exclusive). */
export function explorerRangeHref(minTime: string, maxTime: string): string {
  const from = `${minTime.slice(0, 19)}Z`;
  const toMs = Date.parse(`${maxTime.slice(0, 19)}Z`) + 1000;
  const to = Number.isFinite(toMs) ? new Date(toMs).toISOString().replace('.000Z', 'Z') : maxTime;
  return `/?${new URLSearchParams({ from, to }).toString()}`;
}

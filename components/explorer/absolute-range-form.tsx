'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { localZone, resolveRangeMs, withAbsoluteRange } from '@/lib/explorer/time-range';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';

interface Draft {
  from: string;
  to: string;
  error: string | null;
}

/** "Custom": an absolute from/to typed in the viewer's time zone, written to the URL in UTC. */
export function AbsoluteRangeForm({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const custom = view.query.from.kind === 'absolute' || view.query.to.kind === 'absolute';

  const open = () => {
    const { startMs, endMs } = resolveRangeMs(view.query, Date.now());
    setDraft({ from: toLocalInput(startMs), to: toLocalInput(endMs), error: null });
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const start = new Date(draft.from).getTime();
    const end = new Date(draft.to).getTime();
    if (!Number.isFinite(start) || !Number.isFinite(end)) {
      return setDraft({ ...draft, error: 'Enter both times.' });
    }
    if (start >= end) return setDraft({ ...draft, error: '“From” must be before “to”.' });
    setDraft(null);
    nav.push({ ...view, query: withAbsoluteRange(view.query, start, end) });
  };

  return (
    <div className="relative -ml-px">
      <button
        type="button"
        aria-expanded={draft !== null}
        aria-pressed={custom}
        onClick={() => (draft ? setDraft(null) : open())}
        className={`rounded-r-md border border-slate-300 px-2.5 py-1 text-sm font-medium ${
          custom
            ? 'border-sky-600 bg-sky-600 text-white'
            : 'bg-white text-slate-700 hover:bg-slate-50'
        }`}
      >
        Custom
      </button>
      {draft && (
        <form
          onSubmit={apply}
          aria-label="Custom time range"
          className="absolute right-0 z-20 mt-2 w-72 space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg"
        >
          <label className="block">
            <span className="text-slate-600">From</span>
            <input
              type="datetime-local"
              step={1}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value, error: null })}
              className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="block">
            <span className="text-slate-600">To</span>
            <input
              type="datetime-local"
              step={1}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value, error: null })}
              className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <p className="text-xs text-slate-500">Times in {localZone()}.</p>
          {draft.error && <p className="text-xs text-red-700">{draft.error}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button variant="primary" type="submit">
              Apply
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** `2026-11-23T06:09:24` in the viewer's zone, as a datetime-local input wants it. */
function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

'use client';

import { getDimension } from '@/lib/audit/dimensions';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import {
  CODE_CLASS_SPLIT,
  GROUPABLE_KEYS,
  NO_SPLIT,
  type ExplorerView,
} from '@/lib/explorer/view-state';

/** Which dimension stacks the timeline's bars; written to the URL as `split`. */
export function SplitSelect({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  return (
    <label className="flex items-center gap-2 text-xs text-slate-600">
      Split by
      <select
        value={view.split ?? NO_SPLIT}
        onChange={(e) => {
          const v = e.target.value;
          const key = v === CODE_CLASS_SPLIT ? v : (GROUPABLE_KEYS.find((k) => k === v) ?? null);
          nav.push({ ...view, split: key });
        }}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800"
      >
        {GROUPABLE_KEYS.map((k) => (
          <option key={k} value={k}>
            {getDimension(k).label}
          </option>
        ))}
        <option value={CODE_CLASS_SPLIT}>Code class</option>
        <option value={NO_SPLIT}>Nothing</option>
      </select>
    </label>
  );
}

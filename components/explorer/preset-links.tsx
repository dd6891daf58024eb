import Link from 'next/link';
import { viewHref, type ExplorerView } from '@/lib/explorer/view-state';
import { activePreset, applyPreset, PRESETS } from '@/lib/query/presets';

/** Security review presets as real links: each swaps in its filters and keeps the range. */
export function PresetLinks({ view }: { view: ExplorerView }) {
  const active = activePreset(view.query);
  return (
    <nav aria-label="Security presets" className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="mr-1 font-medium text-slate-500">Review:</span>
      {PRESETS.map((p) => {
        const current = active?.id === p.id;
        const href = viewHref({ ...view, query: applyPreset(view.query, p), event: null });
        return (
          <Link
            key={p.id}
            href={href}
            prefetch={false}
            title={p.description}
            aria-current={current ? 'page' : undefined}
            className={`rounded-full border px-2 py-0.5 transition-colors ${
              current
                ? 'border-sky-600 bg-sky-600 text-white'
                : 'border-slate-300 bg-white text-slate-700 hover:border-sky-500 hover:text-sky-700'
            }`}
          >
            {p.label}
          </Link>
        );
      })}
    </nav>
  );
}

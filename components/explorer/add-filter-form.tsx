'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { DIMENSIONS, isDimensionKey, type DimensionKey } from '@/lib/audit/dimensions';
import { addFilterValue } from '@/lib/explorer/filter-edits';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { canonicalizeQuery, parseFilterValue } from '@/lib/query/codec';
import { QueryParamError } from '@/lib/query/errors';
import { useValueSuggestions } from './use-value-suggestions';

interface Draft {
  dimension: DimensionKey;
  exclude: boolean;
  value: string;
  error: string | null;
}

const field = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm';

/** A dimension, is / is not, and a value (`*` at the end for a prefix), with suggestions. */
export function AddFilterForm({
  view,
  nav,
  onClose,
}: {
  view: ExplorerView;
  nav: ViewNavigation;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    dimension: 'user',
    exclude: false,
    value: '',
    error: null,
  });
  const listId = useId();
  const suggestions = useValueSuggestions(view.query, draft.dimension);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = parseFilterValue(draft.value, draft.dimension);
    if (!value.ok) return setDraft({ ...draft, error: value.error.message });
    const query = addFilterValue(view.query, draft.dimension, draft.exclude, value.value);
    try {
      canonicalizeQuery(query);
    } catch (err) {
      if (err instanceof QueryParamError) return setDraft({ ...draft, error: err.message });
      throw err;
    }
    onClose();
    nav.push({ ...view, query });
  };
  return (
    <form
      onSubmit={submit}
      aria-label="Add filter"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
      className="flex flex-wrap items-center gap-1.5"
    >
      <select
        aria-label="Dimension"
        value={draft.dimension}
        onChange={(e) => {
          const key = e.target.value;
          if (isDimensionKey(key)) setDraft({ ...draft, dimension: key, error: null });
        }}
        className={field}
      >
        {DIMENSIONS.map((d) => (
          <option key={d.key} value={d.key} title={d.description}>
            {d.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Match"
        value={draft.exclude ? 'exclude' : 'include'}
        onChange={(e) => setDraft({ ...draft, exclude: e.target.value === 'exclude' })}
        className={field}
      >
        <option value="include">is</option>
        <option value="exclude">is not</option>
      </select>
      <input
        aria-label="Value"
        autoFocus
        list={listId}
        value={draft.value}
        onChange={(e) => setDraft({ ...draft, value: e.target.value, error: null })}
        placeholder="value, or prefix*"
        className={`${field} w-56 font-mono`}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <Button type="submit" variant="primary">
        Add
      </Button>
      <Button variant="ghost" onClick={onClose}>
        Cancel
      </Button>
      {draft.error && (
        <p role="alert" className="basis-full text-xs text-red-700">
          {draft.error}
        </p>
      )}
    </form>
  );
}

'use client';

import { useState } from 'react';
import { JsonTree } from '@/components/ui/json-tree';
import { countMatches } from '@/lib/explorer/json-search';

/** One body as a collapsible tree, or as pretty-printed JSON text; with a copy button. */
export function BodyView({ title, body }: { title: string; body: unknown }) {
  const [open, setOpen] = useState(true);
  const [raw, setRaw] = useState(false);
  const [copied, setCopied] = useState(false);
  const [search, setSearch] = useState('');
  const matches = countMatches(body, search);
  const text = JSON.stringify(body, null, 2) ?? String(body);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  const tab = (on: boolean) =>
    `rounded px-2 py-0.5 ${on ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-500 hover:text-slate-800'}`;
  return (
    <section aria-label={title} className="rounded-md border border-slate-200">
      <div className="flex items-center gap-2 rounded-t-md bg-slate-50 px-3 py-1.5 text-sm">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          className="flex items-center gap-1 font-medium text-slate-700"
        >
          <span className={`inline-block w-3 text-slate-400 ${open ? 'rotate-90' : ''}`}>▸</span>
          {title}
        </button>
        <span className="ml-auto flex items-center gap-1 text-xs">
          <span
            className="flex rounded bg-slate-200/70 p-0.5"
            role="group"
            aria-label={`${title} view`}
          >
            <button
              type="button"
              aria-pressed={!raw}
              className={tab(!raw)}
              onClick={() => setRaw(false)}
            >
              Tree
            </button>
            <button
              type="button"
              aria-pressed={raw}
              className={tab(raw)}
              onClick={() => setRaw(true)}
            >
              JSON
            </button>
          </span>
          <button
            type="button"
            onClick={copy}
            className="rounded px-2 py-0.5 text-slate-500 hover:bg-slate-200"
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </span>
      </div>
      {open && (
        <div className="max-h-[32rem] overflow-auto px-3 py-2">
          {raw ? (
            <pre className="font-mono text-xs leading-5 break-all whitespace-pre-wrap text-slate-800">
              {text}
            </pre>
          ) : (
            <>
              <div className="mb-2 flex items-center gap-2 text-xs text-slate-500">
                <input
                  type="search"
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  aria-label={`Find in ${title.toLowerCase()}`}
                  placeholder="Find keys and values"
                  className="w-56 rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-800"
                />
                {search !== '' && (
                  <span aria-live="polite">
                    {matches} match{matches === 1 ? '' : 'es'}
                  </span>
                )}
              </div>
              <JsonTree value={body} label={title} search={search} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

'use client';

import { useEffect, useRef, useState } from 'react';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';

const DEBOUNCE_MS = 400;

interface Draft {
  /** The URL's `q` when this draft last looked. */
  seen: string;
  text: string;
  /** Text handed to the URL and not yet seen back. */
  sent: string | null;
}

/** Free text (`q`): written to the URL as you pause typing; `/` focuses it from anywhere. */
export function SearchInput({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  const ref = useRef<HTMLInputElement>(null);
  const urlText = view.query.text;
  const [draft, setDraft] = useState<Draft>({ seen: urlText, text: urlText, sent: null });
  let current = draft;
  if (draft.seen !== urlText) {
    // The URL moved. If it only caught up with what we sent, keep typing on; otherwise
    // (Back, Clear all) show the URL's text.
    current = { seen: urlText, text: urlText === draft.sent ? draft.text : urlText, sent: null };
    setDraft(current);
  }
  const text = current.text;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      ref.current?.focus();
      ref.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (text === urlText) return;
    const id = setTimeout(() => {
      setDraft((d) => ({ ...d, sent: text }));
      nav.replace({ ...view, query: { ...view.query, text, cursor: null } });
    }, DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [text, urlText, nav, view]);

  return (
    <label className="relative flex min-w-56 flex-1 items-center sm:max-w-sm">
      <span className="sr-only">Search</span>
      <input
        ref={ref}
        type="search"
        value={text}
        onChange={(e) => {
          const value = e.target.value;
          setDraft((d) => ({ ...d, text: value }));
        }}
        placeholder="Search user, resource, name, URI, IP…"
        maxLength={1000}
        className="w-full rounded-md border border-slate-300 py-1 pr-8 pl-2.5 text-sm placeholder:text-slate-400 focus:border-sky-500 focus:outline-none"
      />
      <kbd
        aria-hidden
        className="pointer-events-none absolute right-2 rounded border border-slate-300 px-1 text-xs text-slate-400"
      >
        /
      </kbd>
    </label>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

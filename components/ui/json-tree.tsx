'use client';

// A JSON value as a collapsible tree. Every key and value is rendered as text: bodies are
// attacker-controlled, so nothing here is ever interpreted as HTML.

import { useState } from 'react';
import { countMatches, scalarText, splitMatches } from '@/lib/explorer/json-search';

type Json = unknown;

const OPEN_DEPTH = 2;

/** `search` highlights matching keys and values and opens the nodes that hold them. */
export function JsonTree({
  value,
  label,
  search = '',
}: {
  value: Json;
  label: string;
  search?: string;
}) {
  return (
    <div role="tree" aria-label={label} className="overflow-x-auto font-mono text-xs leading-5">
      <JsonNode name={null} value={value} depth={0} search={search} />
    </div>
  );
}

function Highlight({ text, search }: { text: string; search: string }) {
  return splitMatches(text, search).map((p, i) =>
    p.match ? (
      <mark key={i} className="rounded-sm bg-amber-200 text-inherit">
        {p.text}
      </mark>
    ) : (
      p.text
    ),
  );
}

function JsonNode({
  name,
  value,
  depth,
  search,
}: {
  name: string | null;
  value: Json;
  depth: number;
  search: string;
}) {
  // Tracked in state, not with group-open: a closed node inside an open one would match
  // the outer node's `group-open` and show neither its size nor a closed arrow.
  const [expanded, setExpanded] = useState(depth < OPEN_DEPTH);
  const key =
    name === null ? null : (
      <span className="text-violet-700">
        <Highlight text={JSON.stringify(name)} search={search} />
      </span>
    );
  if (value !== null && typeof value === 'object') {
    const entries: [string, Json][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value);
    const isArray = Array.isArray(value);
    const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      return (
        <div role="treeitem" aria-selected={false}>
          {key}
          {key && ': '}
          <span className="text-slate-500">{open + close}</span>
        </div>
      );
    }
    const shown = expanded || countMatches(value, search) > 0;
    const size = `${entries.length} ${isArray ? 'item' : 'key'}${entries.length === 1 ? '' : 's'}`;
    return (
      <details
        role="treeitem"
        aria-selected={false}
        open={shown}
        onToggle={(e) => setExpanded(e.currentTarget.open)}
      >
        <summary className="cursor-pointer list-none hover:bg-slate-50">
          <span className={`inline-block w-3 text-slate-400 ${shown ? 'rotate-90' : ''}`}>▸</span>
          {key}
          {key && ': '}
          <span className="text-slate-500">
            {open}
            {!shown && ` ${size} ${close}`}
          </span>
        </summary>
        <div role="group" className="ml-1.5 border-l border-slate-200 pl-3">
          {entries.map(([k, v]) => (
            <JsonNode
              key={k}
              name={isArray ? null : k}
              value={v}
              depth={depth + 1}
              search={search}
            />
          ))}
        </div>
        <span className="ml-3 text-slate-500">{close}</span>
      </details>
    );
  }
  return (
    <div role="treeitem" aria-selected={false} className="ml-3 break-all">
      {key}
      {key && ': '}
      <Scalar value={value} search={search} />
    </div>
  );
}

const SCALAR_COLORS = {
  string: 'text-emerald-800',
  number: 'text-sky-800',
  boolean: 'text-amber-700',
} as const;

function Scalar({ value, search }: { value: Json; search: string }) {
  const type = typeof value;
  const color =
    type === 'string' || type === 'number' || type === 'boolean'
      ? SCALAR_COLORS[type]
      : 'text-slate-500';
  return (
    <span className={color}>
      <Highlight text={scalarText(value)} search={search} />
    </span>
  );
}

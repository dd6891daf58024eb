'use client';

// A JSON value as a collapsible tree. Every key and value is rendered as text: bodies are
// attacker-controlled, so nothing here is ever interpreted as HTML.

type Json = unknown;

const OPEN_DEPTH = 2;

export function JsonTree({ value, label }: { value: Json; label: string }) {
  return (
    <div role="tree" aria-label={label} className="overflow-x-auto font-mono text-xs leading-5">
      <JsonNode name={null} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, depth }: { name: string | null; value: Json; depth: number }) {
  const key =
    name === null ? null : <span className="text-violet-700">{JSON.stringify(name)}</span>;
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
    const size = `${entries.length} ${isArray ? 'item' : 'key'}${entries.length === 1 ? '' : 's'}`;
    return (
      <details role="treeitem" aria-selected={false} open={depth < OPEN_DEPTH} className="group">
        <summary className="cursor-pointer list-none hover:bg-slate-50">
          <span className="inline-block w-3 text-slate-400 group-open:rotate-90">▸</span>
          {key}
          {key && ': '}
          <span className="text-slate-500">
            {open}
            <span className="group-open:hidden">
              {' '}
              {size} {close}
            </span>
          </span>
        </summary>
        <div role="group" className="ml-1.5 border-l border-slate-200 pl-3">
          {entries.map(([k, v]) => (
            <JsonNode key={k} name={isArray ? null : k} value={v} depth={depth + 1} />
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
      <Scalar value={value} />
    </div>
  );
}

function Scalar({ value }: { value: Json }) {
  if (typeof value === 'string')
    return <span className="text-emerald-800">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="text-sky-800">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="text-amber-700">{String(value)}</span>;
  return <span className="text-slate-500">null</span>;
}

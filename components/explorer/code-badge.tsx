/** An HTTP status code, coloured by class: 2xx green, 3xx/1xx blue, 4xx amber, 5xx red. */
export function CodeBadge({ code }: { code: string | number | undefined }) {
  const s = code === undefined ? '' : String(code);
  if (s === '') return <span className="text-slate-400">–</span>;
  const color =
    s[0] === '2'
      ? 'bg-emerald-50 text-emerald-800 ring-emerald-200'
      : s[0] === '4'
        ? 'bg-amber-50 text-amber-900 ring-amber-200'
        : s[0] === '5'
          ? 'bg-red-50 text-red-800 ring-red-200'
          : 'bg-sky-50 text-sky-800 ring-sky-200';
  return (
    <span className={`rounded px-1.5 py-px font-mono text-xs ring-1 ring-inset ${color}`}>{s}</span>
  );
}

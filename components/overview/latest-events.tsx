import type { SearchResult } from '@/lib/backends/types';

export function LatestEvents({ result }: { result: SearchResult }) {
  return (
    <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 className="px-4 pt-4 text-sm font-medium text-slate-700">
        Latest requests ({result.total.toLocaleString('en-US')} in range)
      </h2>
      <table className="mt-2 w-full text-left text-xs">
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            {['Time (UTC)', 'User', 'Verb', 'Resource', 'Namespace/Name', 'Code', 'Source IP'].map(
              (h) => (
                <th key={h} className="px-4 py-2 font-medium">
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {result.events.map((e) => (
            <tr key={`${e.auditID}/${e.stage}`} className="border-b border-slate-100 font-mono">
              <td className="whitespace-nowrap px-4 py-1">
                {e.time.replace('T', ' ').slice(0, 23)}
              </td>
              <td className="max-w-64 truncate px-4 py-1" title={e.dims.user?.[0]}>
                {e.dims.user?.[0] ?? ''}
              </td>
              <td className="px-4 py-1">{e.dims.verb?.[0] ?? ''}</td>
              <td className="px-4 py-1">
                {e.dims.resource?.[0] ?? ''}
                {e.dims.subresource ? `/${e.dims.subresource[0]}` : ''}
              </td>
              <td className="max-w-64 truncate px-4 py-1">
                {[e.dims.namespace?.[0], e.dims.name?.[0]].filter(Boolean).join('/')}
              </td>
              <td className="px-4 py-1">{e.dims.code?.[0] ?? ''}</td>
              <td className="px-4 py-1">{e.dims.sourceIP?.[0] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.events.length === 0 && (
        <p className="p-4 text-sm text-slate-500">No requests in this range.</p>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';

export function LoadingState({ label = 'Loading…', rows = 3 }: { label?: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div
          key={i}
          className="h-4 animate-pulse rounded bg-slate-100"
          style={{ width: `${90 - i * 15}%` }}
        />
      ))}
    </div>
  );
}

export function EmptyState({ title, hint }: { title: string; hint?: ReactNode }) {
  return (
    <div className="py-4 text-center text-sm">
      <p className="font-medium text-slate-700">{title}</p>
      {hint && <p className="mt-1 text-slate-500">{hint}</p>}
    </div>
  );
}

/** An error of one panel, with the message the API gave; the rest of the page keeps working. */
export function ErrorState({ title, message }: { title: string; message: string }) {
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p className="font-medium">{title}</p>
      <p className="mt-1 break-words font-mono text-xs">{message}</p>
    </div>
  );
}

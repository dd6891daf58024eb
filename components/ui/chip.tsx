import type { ReactNode } from 'react';

/** A removable token, such as one filter of the filter bar. */
export function Chip({
  children,
  tone = 'include',
  removeLabel,
  onRemove,
}: {
  children: ReactNode;
  tone?: 'include' | 'exclude';
  removeLabel: string;
  onRemove: () => void;
}) {
  const colors =
    tone === 'exclude'
      ? 'border-rose-200 bg-rose-50 text-rose-900'
      : 'border-sky-200 bg-sky-50 text-sky-900';
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1 rounded-full border py-0.5 pr-1 pl-2.5 font-mono text-xs ${colors}`}
    >
      <span className="truncate">{children}</span>
      <button
        type="button"
        aria-label={removeLabel}
        title={removeLabel}
        onClick={onRemove}
        className="rounded-full px-1.5 leading-5 text-current/70 hover:bg-black/10 hover:text-current"
      >
        ×
      </button>
    </span>
  );
}

import type { ReactNode } from 'react';

/** A titled block of label/value pairs, as in the drill-down's who/what/result/when. */
export function FieldSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="border-b border-slate-100 px-5 py-4">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      <dl className="grid grid-cols-[9rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">{children}</dl>
    </section>
  );
}

/** One row; left out when there is no value, so sections show only what the event holds. */
export function Field({
  label,
  children,
  mono = true,
}: {
  label: string;
  children: ReactNode;
  mono?: boolean;
}) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <>
      <dt className="text-slate-500 [overflow-wrap:anywhere]">{label}</dt>
      <dd className={`break-words text-slate-900 ${mono ? 'font-mono text-xs leading-5' : ''}`}>
        {children}
      </dd>
    </>
  );
}

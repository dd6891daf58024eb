import Link from 'next/link';
import type { ImportReport, SetAside } from '@/lib/ingest/report';
import { buttonClass } from '@/components/ui/button';
import { explorerRangeHref } from './explorer-link';
import { shapeLabel } from './shape-labels';

const LISTED = 20;

function where(x: SetAside): string {
  const parts: string[] = [];
  if (x.line !== undefined) parts.push(`line ${x.line}`);
  if (x.index !== undefined) parts.push(`item ${x.index}`);
  return parts.length ? parts.join(', ') : 'input';
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded border border-slate-200 bg-slate-50 px-3 py-1.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-mono text-sm font-semibold tabular-nums" data-testid={testId}>
        {value.toLocaleString('en-US')}
      </dd>
    </div>
  );
}

/** What the server made of one uploaded file. Everything in it is rendered as text. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const shapes = Object.entries(report.shapes).filter(([, n]) => (n ?? 0) > 0);
  const listed = report.rejections.slice(0, LISTED);
  const more = report.rejected - listed.length;
  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-slate-500">Detected:</span>
        {shapes.length ? (
          shapes.map(([shape, n]) => (
            <span
              key={shape}
              data-testid="detected-shape"
              className="rounded-full border border-sky-200 bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-800"
            >
              {shapeLabel(shape)} · {n}
            </span>
          ))
        ) : (
          <span className="text-slate-700">no audit events</span>
        )}
      </div>
      <dl className="flex flex-wrap gap-2">
        <Count label="Events found" value={report.events} testId="count-events" />
        <Count label="Imported" value={report.inserted} testId="count-inserted" />
        <Count label="Already stored" value={report.duplicates} testId="count-duplicates" />
        <Count label="Set aside" value={report.rejected} testId="count-rejected" />
      </dl>
      {report.minTime && report.maxTime && (
        <p className="flex flex-wrap items-center gap-2 text-slate-600">
          <span>
            Event times <span className="font-mono text-xs">{report.minTime}</span> to{' '}
            <span className="font-mono text-xs">{report.maxTime}</span>
          </span>
          <Link
            href={explorerRangeHref(report.minTime, report.maxTime)}
            prefetch={false}
            className={buttonClass('secondary')}
          >
            View these events
          </Link>
        </p>
      )}
      {report.warnings.length > 0 && (
        <div className="rounded border border-amber-200 bg-amber-50 p-2 text-amber-900">
          <p className="font-medium">Warnings</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {report.warnings.map((w, i) => (
              <li key={i} className="break-words">
                {w}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.rejected > 0 && (
        <div className="rounded border border-red-200 bg-red-50 p-2 text-red-900">
          <p className="font-medium">Set aside (kept in the dead-letter file)</p>
          <ul className="mt-1 space-y-0.5">
            {listed.map((x, i) => (
              <li key={i} className="break-words">
                <span className="font-mono text-xs">{where(x)}</span>: {x.reason}
              </li>
            ))}
          </ul>
          {more > 0 && <p className="mt-1 text-red-800">and {more.toLocaleString('en-US')} more</p>}
        </div>
      )}
    </div>
  );
}

import type { Overview } from '@/lib/overview/load-overview';
import { COUNTING_RULE_TEXT } from '@/lib/audit/counting';
import { BreakdownList } from './breakdown-list';
import { LatestEvents } from './latest-events';
import { TimelineBars } from './timeline-bars';

export function OverviewPage({ overview }: { overview: Overview }) {
  return (
    <main className="mx-auto max-w-7xl space-y-6 p-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Auditlens</h1>
        <p className="text-sm text-slate-600">Kubernetes audit events · last 24 hours</p>
      </header>
      {overview.ok ? (
        <>
          <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-medium">
                {overview.timeline.total.toLocaleString('en-US')} requests
              </h2>
              <p className="text-xs text-slate-500" title={COUNTING_RULE_TEXT}>
                {overview.health.message} · how requests are counted: hover here
              </p>
            </div>
            <TimelineBars timeline={overview.timeline} />
          </section>
          <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {overview.breakdowns.map((b) => (
              <BreakdownList key={b.dimension} breakdown={b} />
            ))}
          </section>
          <LatestEvents result={overview.latest} />
          <p className="text-xs text-slate-500">{COUNTING_RULE_TEXT}</p>
        </>
      ) : (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-800">
          The store could not be read: {overview.message}
        </p>
      )}
    </main>
  );
}

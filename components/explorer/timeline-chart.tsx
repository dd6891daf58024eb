'use client';

// The timeline chart (recharts): stacked bars per bucket, a tooltip per bucket, drag to zoom.

import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimelineResult } from '@/lib/backends/types';
import { formatCount } from '@/lib/explorer/event-summary';
import { TimelineLegend } from './timeline-legend';
import { TimelineTooltip } from './timeline-tooltip';
import { timelineRows, timelineSeries, type TimelineRow } from './timeline-series';
import { SHOWN_TOTAL, stackShape } from './timeline-stack';
import { tickFormatter } from './timeline-ticks';

interface Drag {
  a: number;
  b: number;
}

/** Stacked bars per bucket; drag across bars to zoom into that span. */
export function TimelineChart({
  timeline,
  noun,
  onZoom,
}: {
  timeline: TimelineResult;
  noun: string;
  onZoom: (startMs: number, endMs: number) => void;
}) {
  const series = useMemo(() => timelineSeries(timeline, noun), [timeline, noun]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => series.filter((s) => !hidden.has(s.key)), [series, hidden]);
  const rows = useMemo(() => {
    const sum = (r: TimelineRow) => shown.reduce((n, s) => n + (r[s.key] ?? 0), 0);
    return timelineRows(timeline).map((r) => ({ ...r, [SHOWN_TOTAL]: sum(r) }));
  }, [timeline, shown]);
  const shape = useMemo(() => stackShape(shown), [shown]);
  const [drag, setDrag] = useState<Drag | null>(null);
  const bucketMs = timeline.bucketSeconds * 1000;
  const first = rows[0]?.t ?? 0;
  const last = rows.at(-1)?.t ?? 0;
  const label = (v: unknown) => (typeof v === 'number' ? v : null);

  const finishDrag = () => {
    if (drag && drag.a !== drag.b) {
      onZoom(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b) + bucketMs);
    }
    setDrag(null);
  };

  return (
    <div>
      <div className="h-56 w-full select-none" data-testid="timeline-chart">
        <BarChart
          responsive
          data={rows}
          barCategoryGap={1}
          style={{ width: '100%', height: '100%', cursor: 'crosshair' }}
          margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
          onMouseDown={(s) => {
            const t = label(s.activeLabel);
            if (t !== null) setDrag({ a: t, b: t });
          }}
          onMouseMove={(s) => {
            const t = label(s.activeLabel);
            if (drag && t !== null && t !== drag.b) setDrag({ ...drag, b: t });
          }}
          onMouseUp={finishDrag}
          onMouseLeave={() => setDrag(null)}
        >
          <CartesianGrid vertical={false} stroke="var(--color-slate-200)" />
          <XAxis
            dataKey="t"
            tickFormatter={tickFormatter(last - first + bucketMs)}
            tick={{ fontSize: 11, fill: 'var(--color-slate-500)' }}
            tickLine={false}
            axisLine={{ stroke: 'var(--color-slate-300)' }}
            minTickGap={24}
          />
          <YAxis
            allowDecimals={false}
            width={44}
            tick={{ fontSize: 11, fill: 'var(--color-slate-500)' }}
            tickLine={false}
            axisLine={false}
            tickFormatter={(n: number) => formatCount(n)}
          />
          <Tooltip
            cursor={{ fill: 'var(--color-slate-400)', fillOpacity: 0.15 }}
            isAnimationActive={false}
            content={(p) => (
              <TimelineTooltip
                active={p.active}
                row={rows.find((r) => r.t === p.label)}
                series={series}
                hidden={hidden}
                bucketMs={bucketMs}
                noun={noun}
              />
            )}
          />
          <Bar dataKey={SHOWN_TOTAL} shape={shape} isAnimationActive={false} />
          {drag && drag.a !== drag.b && (
            <ReferenceArea
              x1={Math.min(drag.a, drag.b)}
              x2={Math.max(drag.a, drag.b)}
              fill="var(--chart-selection)"
              fillOpacity={0.12}
              stroke="var(--chart-selection)"
              strokeOpacity={0.4}
            />
          )}
        </BarChart>
      </div>
      <TimelineLegend series={series} hidden={hidden} onChange={setHidden} />
    </div>
  );
}

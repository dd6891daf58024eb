// One bucket's stacked bar, drawn as plain rects inside a single recharts bar. A chart of 144
// buckets split 8 ways would otherwise be 1,152 recharts bars, each several React components:
// that was the largest share of the explorer's render time.

import type { BarShapeProps } from 'recharts';
import type { Series, TimelineRow } from './timeline-series';

/** The data key of the bar: the sum of the series shown, so the y axis fits them. */
export const SHOWN_TOTAL = 'shown';

export function stackShape(series: readonly Series[]) {
  return function TimelineStack(props: BarShapeProps) {
    const { x, y, width, height } = props;
    const row: TimelineRow | undefined = props.payload; // the data row, as given to the chart
    const total = row?.[SHOWN_TOTAL] ?? 0;
    if (!row || total <= 0 || height <= 0) return null;
    let bottom = y + height;
    return (
      <g>
        {series.map((s) => {
          const value = row[s.key] ?? 0;
          if (value <= 0) return null;
          const h = (height * value) / total;
          bottom -= h;
          return <rect key={s.key} x={x} y={bottom} width={width} height={h} fill={s.color} />;
        })}
      </g>
    );
  };
}

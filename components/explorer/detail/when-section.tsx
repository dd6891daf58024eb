import { Field, FieldSection } from '@/components/ui/field-list';
import { formatLatency, type EventSummary } from '@/lib/explorer/event-summary';
import { formatLocalPrecise, formatUtc, isoToMs, localZone } from '@/lib/explorer/time-range';

function Time({ iso }: { iso: string }) {
  const ms = isoToMs(iso);
  if (!Number.isFinite(ms)) return <>{iso}</>;
  return (
    <time dateTime={iso} title={`${formatUtc(ms)} (${iso})`} className="tabular-nums">
      {formatLocalPrecise(ms)}
    </time>
  );
}

export function WhenSection({ summary }: { summary: EventSummary }) {
  return (
    <FieldSection title="When">
      <Field label="Received">{summary.received && <Time iso={summary.received} />}</Field>
      {summary.stages.map((s, i) => (
        <Field key={`${s.stage}-${i}`} label={s.stage}>
          <Time iso={s.at} />
        </Field>
      ))}
      <Field label="Latency">{formatLatency(summary.latencyMs)}</Field>
      <Field label="Time zone" mono={false}>
        <span className="text-xs text-slate-500">Times in {localZone()}; hover one for UTC.</span>
      </Field>
    </FieldSection>
  );
}

import { Field, FieldSection } from '@/components/ui/field-list';
import type { K8sAuditEvent } from '@/lib/audit/types';
import { CodeBadge } from '../code-badge';

const DECISION = 'authorization.k8s.io/decision';
const REASON = 'authorization.k8s.io/reason';

export function ResultSection({ event }: { event: K8sAuditEvent }) {
  const status = event.responseStatus;
  const annotations = Object.entries(event.annotations ?? {}).filter(
    ([k]) => k !== DECISION && k !== REASON,
  );
  const decision = event.annotations?.[DECISION];
  return (
    <FieldSection title="Result">
      <Field label="Code">
        {status?.code !== undefined ? <CodeBadge code={status.code} /> : undefined}
      </Field>
      <Field label="Status">{status?.status}</Field>
      <Field label="Reason">{status?.reason}</Field>
      <Field label="Message">{status?.message}</Field>
      <Field label="Authorization">
        {decision && (
          <span
            className={decision === 'forbid' ? 'font-semibold text-red-700' : 'text-emerald-800'}
          >
            {decision}
          </span>
        )}
      </Field>
      <Field label="Authorization reason">{event.annotations?.[REASON]}</Field>
      {annotations.map(([k, v]) => (
        <Field key={k} label={k}>
          {v}
        </Field>
      ))}
    </FieldSection>
  );
}

import type { SourceShape } from '@/lib/audit/types';

/** How the upload page names each input shape. */
export const SHAPE_LABELS: Record<SourceShape, string> = {
  event: 'raw Event',
  'event-list': 'EventList (webhook)',
  fluentd: 'Fluentd / Fluent Bit document',
  'fluentd-log-string': 'Fluentd / Fluent Bit document (Event as a string)',
  'elastic-agent': 'Elastic Agent / Filebeat',
  'openshift-viaq': 'OpenShift ViaQ',
  aks: 'AKS diagnostic records',
  gke: 'GKE Cloud Audit Logs',
  'eks-cloudwatch': 'EKS CloudWatch Logs',
  otlp: 'OTLP logs',
  'go-struct': 'Go-cased webhook body',
};

export function shapeLabel(shape: string): string {
  return (SHAPE_LABELS as Record<string, string>)[shape] ?? shape;
}

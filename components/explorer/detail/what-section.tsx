import Link from 'next/link';
import { Field, FieldSection } from '@/components/ui/field-list';
import type { K8sAuditEvent } from '@/lib/audit/types';
import { clearFilters, includeOnly } from '@/lib/explorer/filter-edits';
import { viewHref, type ExplorerView } from '@/lib/explorer/view-state';
import type { AuditQuery } from '@/lib/query/types';

export function WhatSection({ event, base }: { event: K8sAuditEvent; base: ExplorerView }) {
  const ref = event.objectRef;
  const onObject = ref?.name ? objectHref(base, ref.resource, ref.namespace, ref.name) : null;
  return (
    <FieldSection title="What">
      <Field label="Verb">{event.verb}</Field>
      <Field label="Request URI">{event.requestURI}</Field>
      <Field label="Resource">
        {[ref?.resource, ref?.subresource].filter(Boolean).join('/') || undefined}
      </Field>
      <Field label="API group/version">
        {[ref?.apiGroup || (ref?.apiVersion ? 'core' : ''), ref?.apiVersion]
          .filter(Boolean)
          .join('/') || undefined}
      </Field>
      <Field label="Namespace">{ref?.namespace}</Field>
      <Field label="Name">
        {ref?.name && (
          <>
            {ref.name}{' '}
            {onObject && (
              <Link
                href={onObject}
                prefetch={false}
                className="ml-1 font-sans text-sky-700 hover:underline"
              >
                all requests on this object
              </Link>
            )}
          </>
        )}
      </Field>
      <Field label="Object UID">{ref?.uid}</Field>
      <Field label="Level">{event.level}</Field>
    </FieldSection>
  );
}

function objectHref(
  base: ExplorerView,
  resource: string | undefined,
  namespace: string | undefined,
  name: string,
): string {
  let q: AuditQuery = clearFilters(base.query);
  if (resource) q = includeOnly(q, 'resource', { op: 'eq', value: resource });
  q = includeOnly(q, 'namespace', { op: 'eq', value: namespace ?? '' });
  q = includeOnly(q, 'name', { op: 'eq', value: name });
  return viewHref({ ...base, query: q });
}

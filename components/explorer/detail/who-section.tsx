import Link from 'next/link';
import { Field, FieldSection } from '@/components/ui/field-list';
import type { K8sAuditEvent } from '@/lib/audit/types';
import { includeOnly } from '@/lib/explorer/filter-edits';
import { viewHref, type ExplorerView } from '@/lib/explorer/view-state';

export function WhoSection({ event, base }: { event: K8sAuditEvent; base: ExplorerView }) {
  const user = event.user?.username;
  const imp = event.impersonatedUser;
  const byUser =
    user !== undefined
      ? viewHref({ ...base, query: includeOnly(base.query, 'user', { op: 'eq', value: user }) })
      : null;
  return (
    <FieldSection title="Who">
      <Field label="User">
        {user === undefined || user === '' ? (
          <span className="text-slate-400 italic">(none: not authenticated)</span>
        ) : (
          <>
            {user}{' '}
            {byUser && (
              <Link
                href={byUser}
                prefetch={false}
                className="ml-1 font-sans text-sky-700 hover:underline"
              >
                all requests by this user
              </Link>
            )}
          </>
        )}
      </Field>
      <Field label="Groups">{event.user?.groups?.join(', ')}</Field>
      <Field label="UID">{event.user?.uid}</Field>
      <Field label="Impersonated user">{imp?.username}</Field>
      <Field label="Impersonated groups">{imp?.groups?.join(', ')}</Field>
      <Field label="Source IPs">{event.sourceIPs?.join(', ')}</Field>
      <Field label="User agent">{event.userAgent}</Field>
    </FieldSection>
  );
}

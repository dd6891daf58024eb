// Security review presets: each is a plain set of URL params (the URL format of
// docs/url-format.md), so a preset is a view like any other. Filters only: the explorer
// keeps the viewer's time range, source and split when it opens one. presets.test.ts
// parses every entry, so a typo here fails the tests rather than the page.

import { parseQuery } from './codec';
import type { AuditQuery } from './types';

export interface Preset {
  id: string;
  label: string;
  /** What it shows, and what it can't (shown as the link's title). */
  description: string;
  /** Filter params, as written in a URL (no `?`). */
  params: string;
}

const WRITE_VERBS = 'verb=create&verb=update&verb=patch&verb=delete&verb=deletecollection';
const RBAC_RESOURCES =
  'resource=roles&resource=rolebindings&resource=clusterroles&resource=clusterrolebindings';

export const PRESETS: readonly Preset[] = [
  {
    id: 'secret-access',
    label: 'Secret reads',
    description: 'get, list and watch of Secrets.',
    params: 'verb=get&verb=list&verb=watch&resource=secrets',
  },
  {
    id: 'exec',
    label: 'Exec / attach / port-forward',
    description:
      'exec, attach and portforward, by their ResponseStarted (101, also while the session is open) ' +
      'and final events: a finished session shows twice, a denied one once.',
    params:
      'subresource=exec&subresource=attach&subresource=portforward' +
      '&stage=ResponseStarted&stage=ResponseComplete&stage=Panic',
  },
  {
    id: 'rbac-changes',
    label: 'RBAC changes',
    description:
      'Writes to roles, role bindings, cluster roles and cluster role bindings. ' +
      'The escalate, bind and impersonate verbs are the next preset: different filters are AND-ed.',
    params: `${WRITE_VERBS}&${RBAC_RESOURCES}`,
  },
  {
    id: 'rbac-verbs',
    label: 'Escalate / bind / impersonate',
    description: 'Requests with the escalate, bind or impersonate verbs.',
    params: 'verb=escalate&verb=bind&verb=impersonate',
  },
  {
    id: 'pod-creates',
    label: 'Pod creates',
    description:
      'Every pod create. Privileged, hostPath and hostNetwork pods are among them, but ' +
      'filters cannot match body fields yet: open a request to read its spec.',
    params: 'verb=create&resource=pods&subresource=',
  },
  {
    id: 'anonymous',
    label: 'Anonymous',
    description:
      'Requests by system:anonymous. Unauthenticated is the next preset: user and group ' +
      'filters are AND-ed, so one view cannot show either.',
    params: 'user=system:anonymous',
  },
  {
    id: 'unauthenticated',
    label: 'Unauthenticated',
    description: 'Requests in the group system:unauthenticated.',
    params: 'group=system:unauthenticated',
  },
  {
    id: 'denied',
    label: 'Denied (401/403)',
    description: 'Failed authentication (401) and denied authorization (403).',
    params: 'code=401&code=403',
  },
  {
    id: 'impersonation',
    label: 'Impersonation',
    description: 'Requests made as an impersonated user.',
    params: 'impersonatedUser!=',
  },
  {
    id: 'deletions',
    label: 'Deletions',
    description: 'delete and deletecollection.',
    params: 'verb=delete&verb=deletecollection',
  },
  {
    id: 'tokens',
    label: 'Token requests',
    description: 'Service account token requests (the token subresource).',
    params: 'subresource=token',
  },
  {
    id: 'csr',
    label: 'CSRs',
    description:
      'Certificate signing requests. Token requests are the previous preset: resource and ' +
      'subresource filters are AND-ed.',
    params: 'resource=certificatesigningrequests',
  },
];

/** The preset's filters on `base`: its range, source and sort stay, its filters and text go. */
export function applyPreset(base: AuditQuery, preset: Preset): AuditQuery {
  const parsed = parseQuery(new URLSearchParams(preset.params));
  if (!parsed.ok) throw parsed.error;
  return { ...base, filters: parsed.query.filters, text: '', cursor: null };
}

/** The preset whose filters the query has exactly, if any. */
export function activePreset(q: AuditQuery): Preset | null {
  if (q.text !== '') return null;
  const key = JSON.stringify(q.filters);
  return (
    PRESETS.find((p) => {
      const parsed = parseQuery(new URLSearchParams(p.params));
      return parsed.ok && JSON.stringify(parsed.query.filters) === key;
    }) ?? null
  );
}

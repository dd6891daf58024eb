// How Auditlens counts requests, not stage events.
//
// One request emits up to four events sharing an auditID (one per stage). A request is
// counted by exactly one of its events: the final one (ResponseComplete or Panic), or, for
// a failed authentication, its lone ResponseStarted with code 401. Events whose source
// dropped the stage are counted too (they are all we have). Every store evaluates this same
// per-event predicate in its own query language, so counts agree across stores.
//
// Known gap: a request whose final event was lost (a webhook batch dropped at apiserver
// shutdown) is not counted by default; selecting all stages (`stage=*`) shows it.

import type { AuditEvent } from './types';

export const FINAL_STAGES = ['ResponseComplete', 'Panic'] as const;
export const UNAUTHENTICATED_CODE = 401;

export const COUNTING_RULE_TEXT =
  'Counts requests, not stage events: each request is counted once, by its ResponseComplete or Panic event, ' +
  'or by the lone ResponseStarted of a failed authentication (401). Choose stages in the stage filter to count events instead.';

export function isCountedEvent(stage: string, code: number | null | undefined): boolean {
  if (stage === '' || stage === 'ResponseComplete' || stage === 'Panic') return true;
  return stage === 'ResponseStarted' && code === UNAUTHENTICATED_CODE;
}

export function countsAsRequest(e: AuditEvent): boolean {
  return isCountedEvent(e.stage, e.event.responseStatus?.code);
}

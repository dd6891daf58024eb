// The fluentd-log-string preset: the shipper stored each Event as one JSON string under
// `log`, so the server knows none of its fields. Opening one event by auditID works (a
// phrase search on the text, then an exact check of each candidate); listing, counting and
// sorting by the Event's fields cannot, and say how to fix the shipper.

import { StoreError } from '../errors';
import type { Dsl } from './query-dsl';

export const LOG_STRING_SUPPORTS =
  'opening one event by auditID (getEvent) and health; not the event list, timeline or breakdowns';

export function logStringUnsupported(source: string, product: string, what: string): StoreError {
  return new StoreError(
    'misconfigured',
    source,
    `source "${source}": preset fluentd-log-string keeps each audit Event as a JSON string under ` +
      `"log", so ${product} cannot filter, count or sort by its fields, which the ${what} needs ` +
      '(this preset supports only opening one event by auditID). Parse the JSON in the shipper ' +
      'and use preset fluentd: in Fluent Bit, Merge_Log On in the kubernetes filter or a parser ' +
      'filter with Key_Name log and Reserve_Data On; in Fluentd, filter_parser with key_name log ' +
      'and reserve_data true.',
  );
}

/** Candidates for one auditID: its words, in order, in the log text (checked exactly after). */
export function logStringCandidates(logField: string, auditID: string): Dsl {
  return { bool: { filter: [{ match_phrase: { [logField]: { query: auditID } } }] } };
}

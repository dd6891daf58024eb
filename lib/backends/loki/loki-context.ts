// What every Loki operation needs: the API client, the source's stream selector and limits.

import type { LokiApi } from './loki-api';

export interface LokiContext {
  api: LokiApi;
  /** Stream selector holding the audit events, from the source's configuration. */
  selector: string;
  /** Loki's max_entries_limit_per_query for this source. */
  maxEntriesPerQuery: number;
}

/** List elements extracted at first; most groups and source lists are shorter. */
export const INITIAL_LIST_SLOTS = 8;
/** Past this, a list is too long to match element by element in one query. */
export const MAX_LIST_SLOTS = 512;

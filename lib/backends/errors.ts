// Errors a remote store (Loki, Elasticsearch, OpenSearch) causes. The API answers them as
// 502 (the store failed or refused) or 504 (it did not answer in time), carrying the
// store's own message so a reviewer sees what went wrong without reading server logs.

export type StoreErrorKind =
  /** Connection refused, DNS failure, TLS failure: the store could not be reached. */
  | 'unreachable'
  /** No answer within the source's timeout. */
  | 'timeout'
  /** The store answered with an error status (4xx/5xx) or a body we cannot read. */
  | 'store_error'
  /** The query hit one of the store's limits (entries, series, query length). */
  | 'limit'
  /** The store's data does not have what the source's configuration expects (index missing, fields unmapped). */
  | 'misconfigured';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    /** Source name, so the message says which store failed. */
    readonly source: string,
    message: string,
    /** HTTP status the store answered, when it answered. */
    readonly storeStatus?: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }

  /** Status of Auditlens's own answer: 504 for a timeout, else 502. */
  get httpStatus(): number {
    return this.kind === 'timeout' ? 504 : 502;
  }
}

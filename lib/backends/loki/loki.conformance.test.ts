// The conformance suite against a real Loki (LOKI_URL, started by scripts/loki): the
// dataset pushed with Auditlens's writer into a stream of its own, every answer equal to
// the embedded store's. A second run with a tiny entry limit per query drives the event
// list through its batching: the page's far microsecond, ties, windows read again.

import {
  defineConformanceSuite,
  normalizedEvents,
  serverUrl,
} from '@/lib/testing/conformance/suite';
import { freshStream, loadStream } from './loki-test-kit';

const loki = serverUrl('LOKI_URL');

defineConformanceSuite('loki', {
  skip: loki.skip,
  caseTimeoutMs: 120_000,
  setup: async (ds) => ({
    backend: await loadStream(loki.url!, freshStream('conformance'), normalizedEvents(ds)),
  }),
});

defineConformanceSuite('loki with 10 entries per query', {
  skip: loki.skip,
  caseTimeoutMs: 120_000,
  unsupported: (c) =>
    c.kind === 'search' || c.kind === 'searchAll' ? null : 'covered by the suite above',
  setup: async (ds) => ({
    backend: await loadStream(loki.url!, freshStream('conformance-small'), normalizedEvents(ds), {
      maxEntriesPerQuery: 10,
    }),
  }),
});

// The conformance suite shared by every store. A store's test file calls
// `defineConformanceSuite` with a function that loads the dataset into that store and
// returns its backend; each case's answer must equal the embedded store's answer exactly.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent } from '@/lib/audit/types';
import type { AuditBackend } from '@/lib/backends/types';
import { rangeQuery } from '@/lib/testing/expected-answers';
import { tempStore } from '@/lib/testing/temp-store';
import { conformanceCases, type ConformanceCase } from './cases';
import { conformanceDataset, type ConformanceDataset } from './dataset';

export interface StoreUnderTest {
  backend: AuditBackend;
  teardown?: () => Promise<void>;
}

export interface ConformanceOptions {
  /** Loads the dataset into the store and returns its backend. */
  setup: (ds: ConformanceDataset) => Promise<StoreUnderTest>;
  /** A reason to skip the whole suite (e.g. the server's URL is not set); null to run it. */
  skip?: string | null;
  /** A reason a case cannot run on this store (stated, never silent), or null. */
  unsupported?: (c: ConformanceCase) => string | null;
  /** Milliseconds per case; remote stores get more. */
  caseTimeoutMs?: number;
}

/**
 * The URL of a real server the tests start (LOKI_URL, ELASTICSEARCH_URL, ...). Locally a
 * missing URL skips the suite; with AUDITLENS_REQUIRE_STORES=1 (the README's test command)
 * it fails, so CI can never pass by skipping.
 */
export function serverUrl(envVar: string): { url: string | null; skip: string | null } {
  const url = process.env[envVar] || null;
  if (url) return { url, skip: null };
  if (process.env.AUDITLENS_REQUIRE_STORES === '1') {
    throw new Error(`${envVar} is not set but AUDITLENS_REQUIRE_STORES=1: the server must run`);
  }
  return { url: null, skip: `${envVar} is not set (run the tests with npm test to start it)` };
}

export function normalizedEvents(ds: ConformanceDataset): AuditEvent[] {
  return ds.events.flatMap((e) => {
    const r = normalize(e);
    if (!r.ok || r.rejected.length)
      throw new Error(`dataset event does not normalize: ${e.auditID}`);
    return r.events;
  });
}

/** A case's answer in a form that compares equal across stores (cursors are opaque). */
export async function answerCase(
  backend: AuditBackend,
  ds: ConformanceDataset,
  c: ConformanceCase,
): Promise<unknown> {
  const range = ('range' in c && c.range) || {
    startMicros: ds.startMicros,
    endMicros: ds.endMicros,
  };
  switch (c.kind) {
    case 'search': {
      const r = await backend.search(rangeQuery(range, c.query));
      return { total: r.total, events: r.events, more: r.nextCursor !== null };
    }
    case 'searchAll': {
      const pages: unknown[][] = [];
      let cursor: string | null = null;
      let total = -1;
      for (let i = 0; i < 10_000; i++) {
        const r = await backend.search(rangeQuery(range, { ...c.query, cursor }));
        total = r.total;
        pages.push(r.events.map((e) => `${e.time} ${e.auditID} ${e.stage}`));
        cursor = r.nextCursor;
        if (!cursor) break;
      }
      const all = pages.flat();
      expect(new Set(all).size, 'no event repeats across pages').toBe(all.length);
      return { total, pages };
    }
    case 'timeline':
      return backend.timeline(rangeQuery(range, c.query), {
        bucketSeconds: c.bucketSeconds,
        split: c.split,
        splitLimit: c.splitLimit,
      });
    case 'breakdown':
      return backend.breakdown(rangeQuery(range, c.query), {
        dimension: c.dimension,
        limit: c.limit,
      });
    case 'getEvent': {
      const d = await backend.getEvent(c.auditID);
      if (!d) return null;
      // The shape names how the store held the event; everything else must be equal.
      return { auditID: d.auditID, stages: d.stages.map(({ shape: _shape, ...rest }) => rest) };
    }
  }
}

export function defineConformanceSuite(name: string, opts: ConformanceOptions): void {
  const ds = conformanceDataset(Date.now());
  const cases = conformanceCases(ds);

  describe.skipIf(Boolean(opts.skip))(
    `conformance: ${name} answers like the embedded store`,
    () => {
      let reference: Awaited<ReturnType<typeof tempStore>>;
      let subject: StoreUnderTest;

      beforeAll(async () => {
        reference = await tempStore();
        await reference.backend.insert(normalizedEvents(ds));
        subject = await opts.setup(ds);
      }, 600_000);
      afterAll(async () => {
        await subject?.teardown?.();
        await reference?.dispose();
      });

      test('the suite is large enough to mean something', () => {
        expect(cases.length).toBeGreaterThanOrEqual(30);
        expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
      });

      for (const c of cases) {
        const reason = opts.unsupported?.(c) ?? null;
        test.skipIf(reason !== null)(
          `${c.kind}: ${c.id}${reason ? ` (unsupported: ${reason})` : ''}`,
          async () => {
            const want = await answerCase(reference.backend, ds, c);
            const got = await answerCase(subject.backend, ds, c);
            expect(got).toEqual(want);
          },
          opts.caseTimeoutMs ?? 60_000,
        );
      }
    },
  );
}

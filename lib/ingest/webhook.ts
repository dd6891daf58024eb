// The kube-apiserver webhook backend's receiver. The apiserver counts any 2xx as stored and
// retries otherwise, so this answers 2xx only once the batch is durable, and 4xx only for
// bodies that no retry could fix.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { DeadLetterWriter } from './dead-letters';
import { normalizeDocument } from './import-stream';
import type { SetAside } from './report';
import type { EventSink } from './sink';
import { isUtf8 } from './utf8';

export interface WebhookOutcome {
  status: number;
  body: {
    accepted?: number;
    inserted?: number;
    duplicates?: number;
    rejected?: SetAside[];
    error?: { code: string; message: string };
  };
}

export function bearerMatches(header: string | null, token: string): boolean {
  const m = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  if (!m) return false;
  const a = createHash('sha256').update(m[1]!).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

function failure(status: number, code: string, message: string): WebhookOutcome {
  return { status, body: { error: { code, message } } };
}

export async function receiveWebhookBody(
  bytes: Buffer,
  ctx: { sink: EventSink; deadLetters: DeadLetterWriter; maxEventBytes: number; source?: string },
): Promise<WebhookOutcome> {
  const source = ctx.source ?? 'webhook';
  if (bytes.length === 0)
    return failure(400, 'invalid_body', 'the request body is empty; expected an EventList');
  if (!isUtf8(bytes)) return failure(400, 'invalid_body', 'the request body is not valid UTF-8');
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    return failure(400, 'invalid_body', `the request body is not JSON: ${(e as Error).message}`);
  }
  const results = normalizeDocument(doc, { maxEventBytes: ctx.maxEventBytes });
  const rejected: SetAside[] = [];
  const events = [];
  for (const r of results) {
    if (!r.ok) {
      rejected.push({ reason: r.reason });
      continue;
    }
    events.push(...r.events);
    rejected.push(...r.rejected.map((x) => ({ index: x.index, reason: x.reason })));
  }
  if (events.length === 0 && rejected.length > 0 && results.length === 1 && !results[0]!.ok) {
    ctx.deadLetters.add({ source, reason: rejected[0]!.reason, raw: bytes.toString('utf8') });
    await ctx.deadLetters.flush();
    return failure(400, 'invalid_body', `expected an audit EventList: ${rejected[0]!.reason}`);
  }
  const items = Array.isArray((doc as { items?: unknown })?.items)
    ? (doc as { items: unknown[] }).items
    : null;
  for (const r of rejected) {
    const raw = r.index !== undefined && items ? JSON.stringify(items[r.index]) : '';
    ctx.deadLetters.add({ source, ...r, raw });
  }
  try {
    await ctx.deadLetters.flush();
    const stored = await ctx.sink.insert(events);
    return {
      status: 200,
      body: {
        accepted: events.length,
        inserted: stored.inserted,
        duplicates: stored.duplicates,
        rejected,
      },
    };
  } catch (e) {
    return failure(
      503,
      'store_unavailable',
      `events were not stored, retry later: ${(e as Error).message}`,
    );
  }
}

// Sends the searches of one dashboard refresh in one round trip. The panels of a view
// (timeline, breakdowns, event list) ask at almost the same moment; searches queued within
// a short window go out together as one _msearch, each answered (or failed) on its own.

import { isRecord } from '@/lib/audit/json-value';
import type { Dsl } from './query-dsl';
import type { SearchHttp } from './search-http';
import { errorFromAnswer } from './store-errors';

interface Pending {
  body: Dsl;
  resolve: (response: unknown) => void;
  reject: (e: unknown) => void;
}

export class SearchBatcher {
  private queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private scheduled = false;

  constructor(
    private readonly http: SearchHttp,
    private readonly indexPattern: string,
    /** How long a search waits for others to join it (0: only those queued in the same turn). */
    private readonly windowMs: number,
    private readonly maxBatch = 20,
  ) {}

  search(body: Dsl): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ body, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        // setTimeout(0) waits a millisecond or more; setImmediate only for this turn to end.
        if (this.windowMs > 0) this.timer = setTimeout(() => this.flush(), this.windowMs);
        else setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const run = batch.length === 1 ? this.single(batch[0]!) : this.multi(batch);
    run.catch((e: unknown) => batch.forEach((p) => p.reject(e)));
  }

  private get index(): string {
    return encodeURIComponent(this.indexPattern);
  }

  private async single(p: Pending): Promise<void> {
    p.resolve(await this.http.ok('POST', `${this.index}/_search`, { json: p.body }));
  }

  private async multi(batch: Pending[]): Promise<void> {
    const ndjson = batch.map((p) => `{}\n${JSON.stringify(p.body)}\n`).join('');
    const answer = await this.http.ok('POST', `${this.index}/_msearch`, { ndjson });
    const responses = isRecord(answer) && Array.isArray(answer.responses) ? answer.responses : [];
    batch.forEach((p, i) => {
      const r: unknown = responses[i];
      if (isRecord(r) && r.error === undefined) p.resolve(r);
      else {
        const status = isRecord(r) && typeof r.status === 'number' ? r.status : 500;
        p.reject(errorFromAnswer(this.http.context, status, r, JSON.stringify(r ?? null)));
      }
    });
  }
}

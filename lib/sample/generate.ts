// Deterministic, realistic Kubernetes audit traffic: raw audit.k8s.io/v1 Events as a
// kube-apiserver's log backend writes them, for the first-run dashboard, tests and benches.
//
// Order: events come sorted by requestReceivedTimestamp (non-decreasing). All events of
// one request are yielded together, in stage order (RequestReceived, ResponseStarted,
// ResponseComplete or Panic), so stageTimestamp is not globally sorted: a watch's
// ResponseComplete comes right after its start, minutes ahead of its neighbours. Every
// timestamp lies in [end - durationHours, end).
//
// Stages follow the simulated policy (audit-policy.ts): most requests write only
// ResponseComplete; writes keep RequestReceived; watch, exec, attach, portforward and log
// add ResponseStarted; a failed authentication is one lone ResponseStarted (code 401,
// empty user); a few requests end in Panic (code 500) instead of ResponseComplete.

import type { K8sAuditEvent } from '@/lib/audit/types';
import { BackgroundTraffic } from './background-traffic';
import { emitRequest, StageClocks } from './emit-events';
import { eventJson } from './event-json';
import { deriveSeed, Rng } from './random';
import { DraftFactory, type RequestDraft } from './request-draft';
import { RequestClock } from './request-clock';
import { buildStoryRequests } from './story-scripts';
import { buildWorld, type World } from './world';

export { SAMPLE_STORIES, type SampleStory, type StoryId } from './stories';

export interface SampleOptions {
  /** Any integer; the same options always give byte-identical output. Default 1. */
  seed?: number;
  /** End of the window (exclusive): a Date or milliseconds since the epoch. */
  end: Date | number;
  /** Length of the window. Default 24. */
  durationHours?: number;
  /**
   * Requests to generate (default 20,000), stories included; stories are always present,
   * so fewer than about 40 requests still yields the stories' ones.
   */
  requests?: number;
}

/**
 * Average events per request of the default mix (measured over 1,000,000 requests and
 * checked by the tests): use it to turn an event budget into a request count.
 */
export const MEAN_EVENTS_PER_REQUEST = 1.3;

export function requestsForEvents(events: number): number {
  return Math.max(0, Math.round(events / MEAN_EVENTS_PER_REQUEST));
}

// Independent random streams: the cluster's names, say, do not change when the traffic mix does.
const STREAM_WORLD = 1;
const STREAM_STORIES = 2;
const STREAM_TRAFFIC = 3;
const STREAM_CLOCK = 4;
const STREAM_IDS = 5;

interface ResolvedOptions {
  seed: number;
  startUs: number;
  endUs: number;
  requests: number;
}

function resolveOptions(opts: SampleOptions): ResolvedOptions {
  const endMs = opts.end instanceof Date ? opts.end.getTime() : opts.end;
  const hours = opts.durationHours ?? 24;
  const requests = opts.requests ?? 20_000;
  if (!Number.isFinite(endMs))
    throw new RangeError(`end: expected a valid time, got ${String(opts.end)}`);
  if (!Number.isFinite(hours) || hours <= 0)
    throw new RangeError(`durationHours: expected > 0, got ${hours}`);
  if (!Number.isFinite(requests) || requests < 0)
    throw new RangeError(`requests: expected >= 0, got ${requests}`);
  const endUs = Math.floor(endMs) * 1000;
  return {
    seed: Math.trunc(opts.seed ?? 1) >>> 0,
    startUs: endUs - Math.max(1, Math.round(hours * 3_600e6)),
    endUs,
    requests: Math.floor(requests),
  };
}

const BATCH_REQUESTS = 256;

/** The request stream, filled in batches: per-request generator steps cost more than the events. */
class SampleStream {
  private readonly endUs: number;
  private readonly world: World;
  private readonly stories: RequestDraft[];
  private readonly backgroundCount: number;
  private readonly traffic: BackgroundTraffic;
  private readonly clock: RequestClock;
  private readonly ids: Rng;
  private readonly clocks = new StageClocks();
  private nextBackground = 0;
  private nextStory = 0;

  constructor(opts: SampleOptions) {
    const { seed, startUs, endUs, requests } = resolveOptions(opts);
    this.endUs = endUs;
    this.world = buildWorld(new Rng(deriveSeed(seed, STREAM_WORLD)));
    const storyFactory = new DraftFactory(new Rng(deriveSeed(seed, STREAM_STORIES)), startUs);
    this.stories = buildStoryRequests(storyFactory, this.world, startUs, endUs - startUs);
    this.backgroundCount = Math.max(0, requests - this.stories.length);
    const trafficFactory = new DraftFactory(new Rng(deriveSeed(seed, STREAM_TRAFFIC)), startUs);
    this.traffic = new BackgroundTraffic(trafficFactory, this.world);
    this.clock = new RequestClock(
      startUs,
      endUs,
      this.backgroundCount,
      new Rng(deriveSeed(seed, STREAM_CLOCK)),
    );
    this.ids = new Rng(deriveSeed(seed, STREAM_IDS));
  }

  /** Replaces `out`'s contents with the events of the next requests; false once all are out. */
  fill(out: K8sAuditEvent[]): boolean {
    out.length = 0;
    const stop = Math.min(this.backgroundCount, this.nextBackground + BATCH_REQUESTS);
    for (; this.nextBackground < stop; this.nextBackground++) {
      const at = this.clock.next(this.nextBackground);
      this.emitStoriesUntil(at, out);
      this.emit(this.traffic.next(at, this.clock.peopleShare()), out);
    }
    if (this.nextBackground === this.backgroundCount) this.emitStoriesUntil(Infinity, out);
    return out.length > 0;
  }

  private emitStoriesUntil(atUs: number, out: K8sAuditEvent[]): void {
    for (let story = this.stories[this.nextStory]; story && story.receivedUs <= atUs;) {
      this.emit(story, out);
      story = this.stories[++this.nextStory];
    }
  }

  private emit(d: RequestDraft, out: K8sAuditEvent[]): void {
    d.receivedUs = Math.min(d.receivedUs, this.endUs - 1);
    emitRequest(d, this.ids.uuid(), this.endUs, this.clocks, out);
  }
}

function* eventsOf(stream: SampleStream): Generator<K8sAuditEvent> {
  const batch: K8sAuditEvent[] = [];
  while (stream.fill(batch)) {
    for (const event of batch) yield event;
  }
}

function* linesOf(stream: SampleStream): Generator<string> {
  const batch: K8sAuditEvent[] = [];
  while (stream.fill(batch)) {
    for (const event of batch) yield eventJson(event);
  }
}

/**
 * The sample events, in the order described at the top of this file. Events share frozen
 * parts (user, sourceIPs, annotations): treat them as read-only. Throws a RangeError at
 * once for options it cannot honour.
 */
export function generateSampleEvents(opts: SampleOptions): Generator<K8sAuditEvent> {
  return eventsOf(new SampleStream(opts));
}

/** The same events as JSON text, one per item (no newline): JSON.stringify's exact output, faster. */
export function generateSampleLines(opts: SampleOptions): Generator<string> {
  return linesOf(new SampleStream(opts));
}

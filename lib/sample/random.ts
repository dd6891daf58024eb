// Seeded pseudo-random numbers. The same seed must give byte-identical sample data, so
// nothing here touches Math.random, crypto or the clock.

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

// The characters Kubernetes uses for generated name suffixes (no vowels, no 0, 1, 3).
const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

function hex32(word: number): string {
  return (
    (HEX[word >>> 24] ?? '') +
    (HEX[(word >>> 16) & 0xff] ?? '') +
    (HEX[(word >>> 8) & 0xff] ?? '') +
    (HEX[word & 0xff] ?? '')
  );
}

/** mulberry32: a few integer operations per draw; its 2^32 period covers tens of millions of draws. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }

  /** Log-uniform in [min, max): latencies spread over orders of magnitude. */
  logUniform(min: number, max: number): number {
    return min * Math.pow(max / min, this.float());
  }

  /** A version 4 UUID, as the apiserver writes auditIDs and object uids. */
  uuid(): string {
    const a = hex32(this.uint32());
    const b = this.uint32();
    const c = this.uint32();
    const d = hex32(this.uint32());
    const version = hex32(((b & 0xffff0fff) | 0x00004000) >>> 0);
    const variant = hex32(((c & 0x3fffffff) | 0x80000000) >>> 0);
    return `${a}-${version.slice(0, 4)}-${version.slice(4)}-${variant.slice(0, 4)}-${variant.slice(4)}${d}`;
  }

  /** A generated-name suffix such as the `x7k2p` of `web-6d9f7c5b8-x7k2p`. */
  nameSuffix(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += NAME_CHARS[this.int(NAME_CHARS.length)];
    return out;
  }
}

/** Mixes a seed with a stream number (splitmix32 finalizer), so each part of the generator draws independently. */
export function deriveSeed(seed: number, stream: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b9) + Math.imul(stream + 1, 0x85ebca6b)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

export interface Weighted<T> {
  readonly weight: number;
  readonly value: T;
}

/** Picks values in proportion to their weights, by binary search over cumulative weights. */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly values: readonly T[];

  constructor(items: readonly Weighted<T>[]) {
    if (items.length === 0) throw new Error('WeightedPicker: no items');
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    items.forEach((item, i) => {
      total += item.weight;
      this.cumulative[i] = total;
    });
    for (let i = 0; i < items.length; i++) this.cumulative[i] = (this.cumulative[i] ?? 0) / total;
    this.values = items.map((item) => item.value);
  }

  pick(rng: Rng): T {
    const u = rng.float();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (u < (this.cumulative[mid] ?? 1)) hi = mid;
      else lo = mid + 1;
    }
    const value = this.values[lo];
    if (value === undefined) throw new Error('WeightedPicker: index out of range');
    return value;
  }
}

// Search in a JSON tree: matches are case-insensitive substrings of the text the tree shows
// (keys and strings quoted as JSON, numbers, booleans, null), highlighted as text.

export interface Piece {
  text: string;
  match: boolean;
}

/** `text` cut into matching and non-matching pieces, in order. */
export function splitMatches(text: string, query: string): Piece[] {
  if (query === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const out: Piece[] = [];
  let at = 0;
  for (let i = lower.indexOf(q); i !== -1; i = lower.indexOf(q, i + q.length)) {
    if (i > at) out.push({ text: text.slice(at, i), match: false });
    out.push({ text: text.slice(i, i + q.length), match: true });
    at = i + q.length;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), match: false });
  return out;
}

/** How the tree shows a scalar. */
export function scalarText(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : String(v);
}

/** Keys and scalars of `value` (and below) whose shown text contains `query`. */
export function countMatches(value: unknown, query: string): number {
  if (query === '') return 0;
  const q = query.toLowerCase();
  const has = (s: string) => (s.toLowerCase().includes(q) ? 1 : 0);
  const walk = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return has(scalarText(v));
    if (Array.isArray(v)) return v.reduce<number>((n, x) => n + walk(x), 0);
    return Object.entries(v).reduce((n, [k, x]) => n + has(JSON.stringify(k)) + walk(x), 0);
  };
  return walk(value);
}

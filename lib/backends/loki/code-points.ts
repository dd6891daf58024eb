// String order by Unicode code point, which is the byte order of UTF-8 and so DuckDB's
// order of VARCHARs. JavaScript's `<` compares UTF-16 units and puts U+E000–U+FFFF after
// astral characters; ties and the event order must match the embedded store exactly.

export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    // A surrogate (astral character) outranks every BMP unit; two surrogates compare as units.
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

// Why a text failed JSON.parse, worded the same on every Node version. Runs only after a
// parse has failed: it scans the text once, without building values, and tells a cut-off
// input (every character so far was valid JSON) from a wrong character.

export type JsonSyntaxDiagnosis =
  | { kind: 'valid' }
  | { kind: 'truncated' }
  | { kind: 'unexpected'; position: number; afterValue: boolean };

class Stop {
  constructor(readonly diagnosis: JsonSyntaxDiagnosis) {}
}

const truncated = (): Stop => new Stop({ kind: 'truncated' });
const unexpected = (position: number, afterValue = false): Stop =>
  new Stop({ kind: 'unexpected', position, afterValue });

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const LITERALS: Record<string, string> = { t: 'true', f: 'false', n: 'null' };

function isWhitespace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

class Scanner {
  private i = 0;
  // Open containers, innermost last: true for an object, false for an array.
  private readonly open: boolean[] = [];

  constructor(private readonly text: string) {}

  run(): JsonSyntaxDiagnosis {
    try {
      this.value();
      this.skipWhitespace();
      if (this.i < this.text.length) throw unexpected(this.i, true);
      return { kind: 'valid' };
    } catch (e) {
      if (e instanceof Stop) return e.diagnosis;
      throw e;
    }
  }

  private peek(): string | undefined {
    return this.text[this.i];
  }

  private skipWhitespace(): void {
    while (isWhitespace(this.text[this.i])) this.i++;
  }

  private expectMore(): string {
    const c = this.peek();
    if (c === undefined) throw truncated();
    return c;
  }

  // One top-level value, iterating (not recursing) through nested containers.
  private value(): void {
    let needValue = true;
    for (;;) {
      if (needValue) {
        this.skipWhitespace();
        const c = this.expectMore();
        if (c === '{' || c === '[') {
          this.i++;
          this.skipWhitespace();
          const close = c === '{' ? '}' : ']';
          if (this.expectMore() === close) {
            this.i++;
          } else {
            this.open.push(c === '{');
            if (c === '{') this.key();
            continue;
          }
        } else {
          this.scalar(c);
        }
      }
      this.skipWhitespace();
      const inObject = this.open.at(-1);
      if (inObject === undefined) return;
      const c = this.expectMore();
      if (c === ',') {
        this.i++;
        if (inObject) this.key();
        needValue = true;
      } else if (c === (inObject ? '}' : ']')) {
        this.i++;
        this.open.pop();
        needValue = false;
      } else {
        throw unexpected(this.i);
      }
    }
  }

  private key(): void {
    this.skipWhitespace();
    if (this.expectMore() !== '"') throw unexpected(this.i);
    this.string();
    this.skipWhitespace();
    if (this.expectMore() !== ':') throw unexpected(this.i);
    this.i++;
  }

  private scalar(c: string): void {
    if (c === '"') return this.string();
    if (c === '-' || isDigit(c)) return this.number();
    const literal = LITERALS[c];
    if (literal === undefined) throw unexpected(this.i);
    for (const expected of literal) {
      if (this.expectMore() !== expected) throw unexpected(this.i);
      this.i++;
    }
  }

  private string(): void {
    this.i++; // opening quote
    for (;;) {
      const c = this.expectMore();
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') {
        this.i++;
        const e = this.expectMore();
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            this.i++;
            if (!isHex(this.expectMore())) throw unexpected(this.i);
          }
        } else if (!ESCAPES.has(e)) {
          throw unexpected(this.i);
        }
      } else if (c < ' ') {
        throw unexpected(this.i); // control characters must be escaped
      }
      this.i++;
    }
  }

  private number(): void {
    if (this.peek() === '-') this.i++;
    if (this.expectMore() === '0') this.i++;
    else this.digits();
    if (this.peek() === '.') {
      this.i++;
      this.digits();
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.i++;
      if (this.peek() === '+' || this.peek() === '-') this.i++;
      this.digits();
    }
  }

  private digits(): void {
    if (!isDigit(this.expectMore())) throw unexpected(this.i);
    while (isDigit(this.peek())) this.i++;
  }
}

export function diagnoseJsonSyntax(text: string): JsonSyntaxDiagnosis {
  return new Scanner(text).run();
}

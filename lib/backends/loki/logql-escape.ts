// The escapers of LogQL, one per context. Every value that reaches a query goes through
// one of them, so audit data (attacker-controlled) can never change a query's structure.

/**
 * A LogQL double-quoted string literal holding exactly `value`. Loki reads it with Go's
 * quoting rules (Prometheus strutil.Unquote): backslash and quote are escaped, newline and
 * the other control characters become escapes, everything else stays as UTF-8 text.
 */
export function logqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    // A lone UTF-16 surrogate has no UTF-8 form; Loki would reject the whole query.
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

const RE2_META = /[\\.+*?()|[\]{}^$]/g;

/** `value` as an RE2 pattern that matches exactly that text (Go's regexp.QuoteMeta). */
export function regexLiteral(value: string): string {
  return value.replace(RE2_META, '\\$&');
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A path in the Event as a Loki JSON expression: `user.username`, `user.groups[2]`,
 * `annotations["authorization.k8s.io/decision"]`. Keys that are not identifiers use the
 * bracket form; the caller puts the whole expression in a string literal.
 */
export function jsonPathExpression(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Number.isSafeInteger(segment) || segment < 0) {
        throw new RangeError(`JSON path index must be a non-negative integer, got ${segment}`);
      }
      out += `[${segment}]`;
    } else if (IDENTIFIER.test(segment)) {
      out += out ? `.${segment}` : segment;
    } else {
      if (segment.includes('"') || segment.includes('\\')) {
        throw new RangeError(`JSON path key cannot hold a quote or backslash: ${segment}`);
      }
      out += `["${segment}"]`;
    }
  }
  return out;
}

/** Loki label names: extracted labels are named by our code, never by data. */
export function checkLabelName(name: string): string {
  if (!IDENTIFIER.test(name) || name.startsWith('__')) {
    throw new RangeError(`not a usable Loki label name: ${JSON.stringify(name)}`);
  }
  return name;
}

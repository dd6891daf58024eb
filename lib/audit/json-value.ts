// Narrowing helpers for parsed JSON, which arrives as `unknown`.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type of a value, for messages: `string`, `number`, `array`, `null`, … */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const SHOWN_STRING_CHARS = 40;

/** A short description of a value for a rejection reason: `number 5`, `string "bob"`, `object`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown =
      value.length > SHOWN_STRING_CHARS ? `${value.slice(0, SHOWN_STRING_CHARS)}…` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return jsonTypeName(value);
}

/**
 * Sets an own data property. Plain assignment of `__proto__` would replace the prototype,
 * and keys here come from untrusted documents.
 */
export function setOwn(target: JsonRecord, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

// Errors for bad URL parameters. Each one names the parameter as written in the URL
// (`user!` for an exclude filter) so the UI can point at it and the API can return it.

export class QueryParamError extends Error {
  override readonly name = 'QueryParamError';

  constructor(
    /** The parameter as it appears in the URL: `limit`, `from`, `user!`. */
    readonly param: string,
    message: string,
  ) {
    super(message);
  }

  /** Body of a 400 response. */
  toJSON(): { error: 'invalid_parameter'; param: string; message: string } {
    return { error: 'invalid_parameter', param: this.param, message: this.message };
  }
}

export type Failure = { ok: false; error: QueryParamError };
export type ParamResult<T> = { ok: true; value: T } | Failure;

export function ok<T>(value: T): ParamResult<T> {
  return { ok: true, value };
}

/** `parameter "<param>": <detail>`, the shape of every message but the unknown-parameter one. */
export function invalid(param: string, detail: string): Failure {
  return { ok: false, error: new QueryParamError(param, `parameter "${param}": ${detail}`) };
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Quotes a value for a message. Only control characters and lone surrogates are escaped
 * (`\n`, `\u0000`): JSON-style quoting would double every backslash the user typed.
 */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  const shown = cut.replace(/[\u0000-\u001f\u007f-\u009f]|\p{Cs}/gu, (c) => {
    return NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${shown}"`;
}

// JSON.parse with a reason a person can act on when it fails.

import { utf8ByteLength } from './byte-size';
import { diagnoseJsonSyntax } from './json-syntax';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: string };

const BYTE_ORDER_MARK = 0xfeff;

/** A character as a reason shows it: itself when printable, else a JSON escape. */
function showCharacter(text: string, position: number): string {
  const code = text.codePointAt(position) ?? 0;
  const invisible =
    code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff);
  if (!invisible) return String.fromCodePoint(code);
  return JSON.stringify(String.fromCharCode(code)).slice(1, -1);
}

export function jsonFailureReason(text: string, error: unknown, emptyReason: string): string {
  if (text.trim() === '') return emptyReason;
  const diagnosis = diagnoseJsonSyntax(text);
  switch (diagnosis.kind) {
    case 'truncated':
      return `truncated JSON: input ends before the value is complete (at byte ${utf8ByteLength(text)})`;
    case 'unexpected': {
      const where = diagnosis.afterValue ? ' after the end of the JSON value' : '';
      return `not JSON: unexpected character '${showCharacter(text, diagnosis.position)}' at position ${diagnosis.position}${where}`;
    }
    case 'valid':
      // The scanner and the engine disagree (for example on nesting depth): say what the engine said.
      return `not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Parses one JSON text; a leading byte-order mark (some Windows tools write one) is skipped. */
export function parseJsonText(text: string, emptyReason = 'empty line'): ParsedJson {
  const body = text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, reason: jsonFailureReason(body, error, emptyReason) };
  }
}

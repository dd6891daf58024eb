import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { parseJsonText } from './json-text';

function reasonOf(text: string): string {
  const parsed = parseJsonText(text);
  if (parsed.ok) throw new Error(`parsed: ${text}`);
  return parsed.reason;
}

describe('parseJsonText', () => {
  test('parses JSON, skipping a leading byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  test.each([
    ['{"a": tru', 'truncated JSON: input ends before the value is complete (at byte 9)'],
    ['{"a":"é', 'truncated JSON: input ends before the value is complete (at byte 8)'],
    ['[1, -', 'truncated JSON: input ends before the value is complete (at byte 5)'],
    ['{"a": trux}', "not JSON: unexpected character 'x' at position 9"],
    ['{"a": 1,}', "not JSON: unexpected character '}' at position 8"],
    ["{'a': 1}", "not JSON: unexpected character ''' at position 1"],
    ['{"a": "x\ny"}', "not JSON: unexpected character '\\n' at position 8"],
    ['{"a": "\\q"}', "not JSON: unexpected character 'q' at position 8"],
    ['{"a": 01}', "not JSON: unexpected character '1' at position 7"],
    [
      '{"a":1} {"b":2}',
      "not JSON: unexpected character '{' at position 8 after the end of the JSON value",
    ],
    ['<html>', "not JSON: unexpected character '<' at position 0"],
    ['', 'empty line'],
    [' \t\r\n', 'empty line'],
  ])('%j: %s', (text, reason) => {
    expect(reasonOf(text)).toBe(reason);
  });

  test('every cut-off prefix of an object or array is reported as truncated', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.object({ maxDepth: 3, maxKeys: 4 }),
          fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }),
        ),
        (value) => {
          const text = JSON.stringify(value);
          for (let end = 1; end < text.length; end++) {
            const reason = reasonOf(text.slice(0, end));
            if (!reason.startsWith('truncated JSON: '))
              expect.fail(`${text.slice(0, end)}: ${reason}`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

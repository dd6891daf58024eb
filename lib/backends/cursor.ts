// The event list's position: the sort key of the last row shown (time, auditID, stage),
// which is unique per event, so paging never skips or repeats one.

export interface CursorPosition {
  /** Event time in microseconds. */
  ts: number;
  auditID: string;
  stage: string;
}

export class CursorError extends Error {
  readonly param = 'cursor';
}

export function encodeCursor(p: CursorPosition): string {
  return Buffer.from(JSON.stringify([p.ts, p.auditID, p.stage]), 'utf8').toString('base64url');
}

export function decodeCursor(s: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError('parameter "cursor": not a cursor returned by this API');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'number' ||
    !Number.isSafeInteger(parsed[0]) ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string'
  ) {
    throw new CursorError('parameter "cursor": not a cursor returned by this API');
  }
  return { ts: parsed[0], auditID: parsed[1], stage: parsed[2] };
}

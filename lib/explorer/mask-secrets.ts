// Masks the values of a Secret's `data` and `stringData` in a request or response body, so
// opening a drill-down never puts credentials on screen unasked. Covers a Secret, a
// SecretList (or any list of a secrets request), and JSON-patch operations on /data.

export const MASK = '••••';

export interface Masked {
  body: unknown;
  /** How many values were hidden. */
  count: number;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `secretsRequest`: the event's objectRef.resource is `secrets`, so bodies without `kind` count too. */
export function maskSecrets(body: unknown, secretsRequest: boolean): Masked {
  const counter = { count: 0 };
  return { body: maskBody(body, secretsRequest, counter), count: counter.count };
}

function maskBody(body: unknown, secretsRequest: boolean, counter: { count: number }): unknown {
  if (Array.isArray(body)) {
    return secretsRequest ? body.map((op) => maskPatchOp(op, counter)) : body;
  }
  if (!isObject(body)) return body;
  const kind = typeof body.kind === 'string' ? body.kind : '';
  if (kind === 'SecretList' || (secretsRequest && Array.isArray(body.items))) {
    const items = (body.items as unknown[]).map((item) => maskBody(item, true, counter));
    return { ...body, items };
  }
  if (kind === 'Secret' || (secretsRequest && kind !== 'Status')) return maskSecret(body, counter);
  return body;
}

function maskSecret(secret: Json, counter: { count: number }): Json {
  const out: Json = { ...secret };
  for (const field of ['data', 'stringData']) {
    const values = secret[field];
    if (!isObject(values)) continue;
    out[field] = Object.fromEntries(
      Object.keys(values).map((k) => {
        counter.count++;
        return [k, MASK];
      }),
    );
  }
  return out;
}

const SECRET_PATH = /^\/(data|stringData)(\/|$)/;

function maskPatchOp(op: unknown, counter: { count: number }): unknown {
  if (!isObject(op) || typeof op.path !== 'string' || !SECRET_PATH.test(op.path)) return op;
  if (!('value' in op)) return op;
  counter.count++;
  return { ...op, value: MASK };
}

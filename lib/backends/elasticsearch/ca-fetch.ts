// A fetch() that trusts one extra CA (the source's `caFile`). Node's global fetch takes no CA
// option without the undici package, so requests go through node:https with `ca` set.

import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

function responseHeaders(res: http.IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(res.headers)) {
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else if (v !== undefined) h.set(k, v);
  }
  return h;
}

const NO_BODY = new Set([101, 204, 205, 304]);

export function fetchWithCa(ca: string): typeof fetch {
  return async (input, init) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const out = transport.request(
        url,
        {
          method: req.method,
          headers: Object.fromEntries(req.headers),
          signal: req.signal,
          ...(url.protocol === 'https:' ? { ca } : {}),
        },
        (res) => {
          const status = res.statusCode ?? 502;
          const stream = NO_BODY.has(status) ? null : (Readable.toWeb(res) as ReadableStream);
          resolve(new Response(stream, { status, headers: responseHeaders(res) }));
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  };
}

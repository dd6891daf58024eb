// Uploads from the dashboard: one file's bytes per request, imported like a file on disk
// (gzip by magic bytes, YAML by name, anything else through importStream) into a store.

import { PassThrough, Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { DeadLetterWriter } from './dead-letters';
import { importYamlText } from './import-path';
import { importStream } from './import-stream';
import { emptyReport, type ImportReport } from './report';
import type { EventSink } from './sink';

export interface UploadContext {
  sink: EventSink;
  deadLetters: DeadLetterWriter;
  maxEventBytes: number;
}

const MAX_NAME_LENGTH = 200;

/** The upload's label in reports and dead letters: its file name, without any directories. */
export function uploadName(raw: string | null): string {
  const base = (raw ?? '').split(/[\\/]/).pop()!.trim();
  // Control characters would garble logs and dead-letter files; names are labels only.
  const clean = Array.from(base, (c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? '?' : c))
    .join('')
    .slice(0, MAX_NAME_LENGTH);
  return clean || 'upload';
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The file's bytes, gunzipped through zlib when they are gzip. A damaged stream errors after what came before it. */
function openBytes(bytes: Buffer): Readable {
  const raw = Readable.from([bytes]);
  if (!isGzip(bytes)) return raw;
  const gunzip = zlib.createGunzip();
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  gunzip.on('error', (e) =>
    out.destroy(new Error(`gzip data is damaged or cut short: ${e.message}`)),
  );
  raw.pipe(gunzip).pipe(out);
  return out;
}

/** Reads a whole stream; on an error, keeps what came before it and says what went wrong. */
async function readAllKept(stream: Readable): Promise<{ bytes: Buffer; error: string | null }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { bytes: Buffer.concat(chunks), error: null };
  } catch (e) {
    return { bytes: Buffer.concat(chunks), error: (e as Error).message };
  }
}

/** Imports one uploaded file (its raw bytes) and reports what was found, stored and set aside. */
export async function importUpload(
  bytes: Buffer,
  rawName: string | null,
  ctx: UploadContext,
): Promise<ImportReport> {
  const name = uploadName(rawName);
  const opts = { sink: ctx.sink, deadLetters: ctx.deadLetters, maxEventBytes: ctx.maxEventBytes };
  const baseName = name.replace(/\.gz$/i, '');
  if (/\.ya?ml$/i.test(baseName)) {
    const { bytes: text, error } = await readAllKept(openBytes(bytes));
    if (text.length === 0 && error) {
      const report = emptyReport(name);
      report.warnings.push(`the input ends with an error after 0 bytes (${error})`);
      return report;
    }
    const report = await importYamlText(text.toString('utf8'), name, opts);
    if (error) {
      report.warnings.push(
        `the input ends with an error after ${text.length} bytes (${error}); the documents before it were read`,
      );
    }
    return report;
  }
  return importStream(() => openBytes(bytes), { ...opts, source: name });
}

/**
 * Uploads are writes, so a page on another site must not be able to make a visitor's browser
 * send one. Accepts a request whose `Sec-Fetch-Site` is `same-origin`, or whose `Origin` is
 * this server's own host (`Host` or `X-Forwarded-Host`); returns why it refused otherwise, or null.
 * This is not authentication, which comes with the sign-in issue.
 */
export function crossSiteRefusal(headers: Headers): string | null {
  const origin = headers.get('origin');
  const fetchSite = headers.get('sec-fetch-site');
  // Set by the browser, never by a page: trusted as is (and right behind a proxy that rewrites Host).
  if (fetchSite === 'same-origin') return null;
  if (fetchSite && fetchSite !== 'none') {
    return `uploads are accepted only from this dashboard's own pages (Sec-Fetch-Site is ${JSON.stringify(fetchSite)})`;
  }
  if (!origin || origin === 'null') {
    return 'uploads need an Origin header naming this dashboard (send them from the upload page)';
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return `the Origin header ${JSON.stringify(origin)} is not a URL`;
  }
  const hosts = [headers.get('host'), headers.get('x-forwarded-host')]
    .flatMap((h) => (h ? h.split(',') : []))
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (hosts.includes(originHost)) return null;
  return `uploads are accepted only from this dashboard's own pages, not from ${JSON.stringify(origin)}`;
}

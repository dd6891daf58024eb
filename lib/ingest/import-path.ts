// Imports files and directories: `audit.log`, its rotations (`audit-<time>.log`, maybe
// gzipped), and any other JSON, JSON-lines or YAML files, oldest rotation first.

import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { openAuditFile } from './open-file';
import { importStream, normalizeDocument, type ImportOptions } from './import-stream';
import { addRejection, emptyReport, noteEventTimes, type ImportReport } from './report';

const IMPORTABLE = /\.(log|json|jsonl|ndjson|txt|gz|ya?ml)$/i;
/** YAML documents of events, by file name. */
export const YAML_FILE = /\.ya?ml$/i;

export type PathImportOptions = Omit<ImportOptions, 'source' | 'onProgress'> & {
  onFileStart?: (file: string, size: number) => void;
  onProgress?: (file: string, fileBytesRead: number) => void;
};

/** Orders a directory's files: rotated audit logs by their time stamp, the live `audit.log` last. */
export function orderAuditFiles(names: string[]): string[] {
  const rank = (n: string): [number, string] => {
    if (/^audit\.log(\.gz)?$/.test(n)) return [2, n];
    if (/^audit-.*\.log(\.gz)?$/.test(n)) return [1, n];
    return [0, n];
  };
  return [...names].sort((a, b) => {
    const [ra, na] = rank(a);
    const [rb, nb] = rank(b);
    return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0);
  });
}

/** Every importable file under `p` (a file or a directory, searched recursively). */
export function listImportFiles(p: string): string[] {
  const st = fs.statSync(p);
  if (st.isFile()) return [p];
  if (!st.isDirectory()) return [];
  const out: string[] = [];
  const entries = fs.readdirSync(p, { withFileTypes: true });
  const files = orderAuditFiles(
    entries.filter((e) => e.isFile() && IMPORTABLE.test(e.name)).map((e) => e.name),
  );
  for (const f of files) out.push(path.join(p, f));
  for (const d of entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    out.push(...listImportFiles(path.join(p, d)));
  }
  return out;
}

/** Imports YAML documents of events (one Event, an EventList or a list per document). */
export async function importYamlText(
  text: string,
  source: string,
  opts: Pick<ImportOptions, 'sink' | 'deadLetters' | 'maxEventBytes' | 'fallbackTime' | 'shape'>,
): Promise<ImportReport> {
  const report = emptyReport(source);
  report.bytes = Buffer.byteLength(text);
  const docs = YAML.parseAllDocuments(text);
  const events = [];
  for (const [i, doc] of docs.entries()) {
    const where = { index: i };
    if (doc.errors.length) {
      const reason = `YAML document ${i + 1}: ${doc.errors[0]!.message}`;
      addRejection(report, { ...where, reason });
      opts.deadLetters.add({ source, ...where, reason, raw: String(doc) });
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    for (const r of normalizeDocument(value, opts)) {
      if (!r.ok) {
        addRejection(report, { ...where, reason: r.reason });
        opts.deadLetters.add({
          source,
          ...where,
          reason: r.reason,
          raw: JSON.stringify(value),
        });
        continue;
      }
      for (const x of r.rejected) addRejection(report, { index: x.index ?? i, reason: x.reason });
      for (const w of r.warnings ?? []) report.warnings.push(`document ${i + 1}: ${w}`);
      report.shapes[r.shape] = (report.shapes[r.shape] ?? 0) + r.events.length;
      report.events += r.events.length;
      events.push(...r.events);
    }
  }
  await opts.deadLetters.flush();
  const ins = await opts.sink.insert(events);
  report.inserted = ins.inserted;
  report.duplicates = ins.duplicates;
  noteEventTimes(report, events);
  if (report.bytes === 0) report.warnings.push('the input is empty: no events');
  return report;
}

async function importYamlFile(file: string, opts: PathImportOptions): Promise<ImportReport> {
  return importYamlText(fs.readFileSync(file, 'utf8'), file, opts);
}

export async function importFile(file: string, opts: PathImportOptions): Promise<ImportReport> {
  const size = fs.statSync(file).size;
  opts.onFileStart?.(file, size);
  if (YAML_FILE.test(file)) return importYamlFile(file, opts);
  let opened: ReturnType<typeof openAuditFile> | null = null;
  return importStream(
    () => {
      opened = openAuditFile(file);
      return opened.stream;
    },
    {
      ...opts,
      source: file,
      onProgress: () => opts.onProgress?.(file, opened?.fileBytesRead() ?? 0),
    },
  );
}

/** Imports a file or every importable file of a directory, one report per file. */
export async function importPath(p: string, opts: PathImportOptions): Promise<ImportReport[]> {
  if (!fs.existsSync(p)) throw new Error(`${p}: no such file or directory`);
  const reports: ImportReport[] = [];
  for (const file of listImportFiles(p)) reports.push(await importFile(file, opts));
  return reports;
}

'use client';

import { useCallback, useRef, useState, type DragEvent } from 'react';
import type { ImportReport } from '@/lib/ingest/report';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState } from '@/components/ui/panel-state';
import { ImportReportView } from './import-report-view';
import { sendFile } from './send-file';

export const ACCEPTED = '.log,.json,.jsonl,.ndjson,.yaml,.yml,.gz,.txt';

type Item =
  | { id: number; name: string; size: number; status: 'queued' }
  | { id: number; name: string; size: number; status: 'uploading'; sent: number; total: number }
  | { id: number; name: string; size: number; status: 'done'; report: ImportReport }
  | { id: number; name: string; size: number; status: 'error'; message: string };

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function ItemStatus({ item }: { item: Item }) {
  switch (item.status) {
    case 'queued':
      return <span className="text-slate-500">Waiting…</span>;
    case 'uploading': {
      const pct = item.total ? Math.min(100, Math.round((item.sent / item.total) * 100)) : 0;
      return (
        <span className="flex items-center gap-2 text-slate-600" role="status">
          <progress
            max={100}
            value={pct}
            className="h-2 w-32"
            aria-label={`Upload of ${item.name}`}
          />
          {item.sent < item.total
            ? `${bytes(item.sent)} of ${bytes(item.total)} sent`
            : 'Importing…'}
        </span>
      );
    }
    case 'done':
      return (
        <span className="font-medium text-emerald-700" data-testid="upload-status">
          Done
        </span>
      );
    case 'error':
      return (
        <span className="font-medium text-red-700" data-testid="upload-status">
          Failed
        </span>
      );
  }
}

/** Drop zone and file picker; files go up one at a time and each shows its import report. */
export function UploadPanel() {
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const queue = useRef<{ id: number; file: File }[]>([]);
  const running = useRef(false);
  const nextId = useRef(1);
  const input = useRef<HTMLInputElement>(null);

  const update = useCallback((id: number, next: (item: Item) => Item) => {
    setItems((all) => all.map((x) => (x.id === id ? next(x) : x)));
  }, []);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let job = queue.current.shift(); job; job = queue.current.shift()) {
        const { id, file } = job;
        const base = { id, name: file.name, size: file.size };
        update(id, () => ({ ...base, status: 'uploading', sent: 0, total: file.size }));
        try {
          const report = await sendFile(file, (sent, total) =>
            update(id, () => ({ ...base, status: 'uploading', sent, total })),
          );
          update(id, () => ({ ...base, status: 'done', report }));
        } catch (e) {
          update(id, () => ({ ...base, status: 'error', message: (e as Error).message }));
        }
      }
    } finally {
      running.current = false;
    }
  }, [update]);

  const add = useCallback(
    (files: FileList | File[] | null) => {
      const list = Array.from(files ?? []);
      if (!list.length) return;
      const added = list.map((file) => ({ id: nextId.current++, file }));
      queue.current.push(...added);
      setItems((all) => [
        ...added.map(({ id, file }): Item => ({
          id,
          name: file.name,
          size: file.size,
          status: 'queued',
        })),
        ...all,
      ]);
      void run();
    },
    [run],
  );

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  // Newest first on screen, uploaded in the order given.
  return (
    <div className="space-y-4">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
        className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors ${
          dragging ? 'border-sky-500 bg-sky-50' : 'border-slate-300 bg-white'
        }`}
      >
        <p className="text-base font-medium text-slate-800">Drop audit log files here</p>
        <p className="text-sm text-slate-500">
          JSON lines or JSON documents (raw Events, EventLists, EKS, AKS, GKE, OpenShift, OTLP
          exports), YAML, gzip · {ACCEPTED.split(',').join(' ')}
        </p>
        <input
          ref={input}
          id="upload-files"
          type="file"
          multiple
          accept={ACCEPTED}
          className="sr-only"
          aria-label="Choose audit log files"
          onChange={(e) => {
            add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <Button variant="primary" onClick={() => input.current?.click()}>
          Choose files…
        </Button>
      </div>

      {items.length === 0 ? (
        <EmptyState
          title="No files uploaded yet"
          hint="Each file is imported into the embedded store; its report shows here."
        />
      ) : (
        <ul className="space-y-3" aria-label="Uploads">
          {items.map((item) => (
            <li
              key={item.id}
              aria-label={`Upload ${item.name}`}
              className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            >
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <p className="min-w-0 break-all font-mono text-sm font-semibold">
                  {item.name}{' '}
                  <span className="font-sans text-xs font-normal text-slate-500">
                    {bytes(item.size)}
                  </span>
                </p>
                <ItemStatus item={item} />
              </div>
              {item.status === 'done' && <ImportReportView report={item.report} />}
              {item.status === 'error' && (
                <ErrorState title="The upload failed" message={item.message} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

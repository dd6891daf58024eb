// Sends one file's bytes to /api/upload with XMLHttpRequest, whose upload progress events
// give the bytes sent (fetch has no portable upload progress yet).

import type { ImportReport } from '@/lib/ingest/report';

export class UploadError extends Error {}

export function sendFile(
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () =>
      reject(new UploadError('the upload failed: the server could not be reached'));
    xhr.onabort = () => reject(new UploadError('the upload was cancelled'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object') {
        resolve(body as ImportReport);
        return;
      }
      const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
      reject(
        new UploadError(
          typeof message === 'string' ? message : `the server answered HTTP ${xhr.status}`,
        ),
      );
    };
    xhr.send(file);
  });
}

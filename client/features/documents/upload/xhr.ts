import i18next from 'i18next';
import { ApiError, refreshSession } from '../../../lib/api';

/**
 * One multipart upload through XMLHttpRequest, because fetch reports no
 * upload progress (a streamed request body would, but Chromium requires
 * HTTP/2 for it). The server reads the `meta` field before the file
 * (server/services/documents/upload.ts), so it goes first. Refusals come
 * back as problem+json, turned into the same ApiError as every api call;
 * an expired access token is refreshed once and the upload sent again.
 */
export interface UploadRequest {
  url: string;
  file: File;
  meta: unknown;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

function randomKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function abortError(): DOMException {
  return new DOMException('Upload cancelled', 'AbortError');
}

function toApiError(xhr: XMLHttpRequest): ApiError {
  try {
    const data = JSON.parse(xhr.responseText) as { detail?: string; title?: string; requestId?: string; errors?: { field: string; message: string }[] };
    const fields = Object.fromEntries((data.errors ?? []).map((e) => [e.field, e.message]));
    return new ApiError(xhr.status, data.detail ?? data.title ?? '', fields, data.requestId);
  } catch {
    // A proxy's HTML page (a 413 from nginx, say): the caller says it in the user's words.
    return new ApiError(xhr.status, '');
  }
}

function sendOnce<T>(request: UploadRequest, idempotencyKey: string): Promise<{ status: number; body: T; xhr: XMLHttpRequest }> {
  return new Promise((resolve, reject) => {
    if (request.signal?.aborted) return reject(abortError());
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('meta', JSON.stringify(request.meta));
    form.append('file', request.file, request.file.name);
    const onAbort = () => xhr.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => request.signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', request.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('accept-language', i18next.language || 'fr');
    // One key per file: a retry after a lost answer is not a second document.
    xhr.setRequestHeader('idempotency-key', `"${idempotencyKey}"`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      done();
      let body: T = undefined as T;
      try {
        body = (xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T;
      } catch {
        // Read as an error below.
      }
      resolve({ status: xhr.status, body, xhr });
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, ''));
    };
    xhr.onabort = () => {
      done();
      reject(abortError());
    };
    xhr.send(form);
  });
}

/** Resolves to the server's answer (201); rejects with ApiError, or an AbortError when cancelled. */
export async function uploadFile<T>(request: UploadRequest): Promise<T> {
  const key = randomKey();
  let answer = await sendOnce<T>(request, key);
  if (answer.status === 401 && (await refreshSession())) answer = await sendOnce<T>(request, key);
  if (answer.status < 200 || answer.status >= 300) throw toApiError(answer.xhr);
  return answer.body;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import type { UploadResult } from '../types';
import { uploadFile } from './xhr';

export type UploadStatus = 'waiting' | 'uploading' | 'processing' | 'done' | 'failed' | 'cancelled';

/** `R`: what the server answers for a file (a new document; a proposal on « Proposer un document »). */
export interface UploadItem<R = UploadResult> {
  id: string;
  file: File;
  status: UploadStatus;
  /** Bytes sent so far, of `total` (the multipart body, a little more than the file). */
  loaded: number;
  total: number;
  /** Why the server (or the network) refused it, in the reader's language. */
  error?: string;
  result?: R;
}

interface QueueOptions<R> {
  /** Where the file goes, and the `meta` field sent before it. */
  target: (file: File) => { url: string; meta: unknown };
  onUploaded?: (result: R, item: UploadItem<R>) => void;
  /** Files sent at once: two keeps the page responsive and the server's disk busy. */
  concurrency?: number;
}

let counter = 0;

/**
 * The files of an upload: each sent on its own request with its progress,
 * cancellable (the request is aborted: the server keeps nothing of it) and
 * retried on demand; a refusal (too large, refused type) stays on its file.
 */
export function useUploadQueue<R = UploadResult>({ target, onUploaded, concurrency = 2 }: QueueOptions<R>) {
  const { t } = useTranslation('documents');
  const [items, setItems] = useState<UploadItem<R>[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  // The latest callbacks, read when a file starts (the options change with the form around the queue).
  const options = useRef({ target, onUploaded });
  options.current = { target, onUploaded };

  const patch = useCallback((id: string, change: Partial<UploadItem<R>>) => {
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const describe = useCallback(
    (error: unknown): string => {
      if (error instanceof ApiError) {
        if (error.message) return error.message;
        if (error.status === 0) return t('upload.networkError');
        if (error.status === 413) return t('upload.tooLarge');
      }
      return t('errors.unexpected');
    },
    [t],
  );

  const start = useCallback(
    async (item: UploadItem<R>) => {
      if (controllers.current.has(item.id)) return; // already on its way (effects may run twice)
      const controller = new AbortController();
      controllers.current.set(item.id, controller);
      patch(item.id, { status: 'uploading', loaded: 0, error: undefined });
      const { url, meta } = options.current.target(item.file);
      try {
        const result = await uploadFile<R>({
          url,
          meta,
          file: item.file,
          signal: controller.signal,
          onProgress: (loaded, total) => patch(item.id, loaded >= total ? { loaded, total, status: 'processing' } : { loaded, total }),
        });
        patch(item.id, { status: 'done', result });
        options.current.onUploaded?.(result, item);
      } catch (error) {
        if ((error as Error).name === 'AbortError') patch(item.id, { status: 'cancelled' });
        else patch(item.id, { status: 'failed', error: describe(error) });
      } finally {
        controllers.current.delete(item.id);
      }
    },
    [patch, describe],
  );

  // Starts waiting files while fewer than `concurrency` are being sent.
  useEffect(() => {
    const busy = items.filter((i) => i.status === 'uploading' || i.status === 'processing').length;
    const next = items.filter((i) => i.status === 'waiting').slice(0, Math.max(0, concurrency - busy));
    for (const item of next) void start(item);
  }, [items, concurrency, start]);

  // Leaving the page stops what is still being sent.
  useEffect(() => {
    const current = controllers.current;
    return () => current.forEach((c) => c.abort());
  }, []);

  const add = useCallback((files: File[]) => {
    setItems((list) => [...list, ...files.map((file) => ({ id: `upload-${++counter}`, file, status: 'waiting' as const, loaded: 0, total: file.size }))]);
  }, []);

  const cancel = useCallback(
    (id: string) => {
      const controller = controllers.current.get(id);
      if (controller) controller.abort();
      else patch(id, { status: 'cancelled' });
    },
    [patch],
  );

  const retry = useCallback((id: string) => patch(id, { status: 'waiting', loaded: 0, error: undefined }), [patch]);
  const remove = useCallback((id: string) => setItems((list) => list.filter((i) => i.id !== id)), []);
  const clearFinished = useCallback(() => setItems((list) => list.filter((i) => !['done', 'cancelled'].includes(i.status))), []);

  return { items, add, cancel, retry, remove, clearFinished };
}

import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: one interface, two drivers (local disk under
 * DATA_DIR by default, S3-compatible object storage when configured).
 *
 * This folder sits beside db/ and emails/: the api (uploads, downloads) and
 * the workers (text extraction, thumbnails, the sweeper) both use it, and it
 * imports nothing of the app. Object names are always made by the server
 * (`newObjectKey`); a name taken from an upload never reaches a driver.
 */
export interface StoredObject {
  key: string;
  size: number;
  modifiedAt: Date;
}

/** Inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface Storage {
  readonly kind: 'local' | 's3';
  /**
   * Streams `body` into a new object. The object appears only once the whole
   * stream was written: a stream that fails (too large, aborted) leaves nothing.
   */
  put(key: string, body: Readable, options?: { contentType?: string }): Promise<{ size: number }>;
  /** The object's bytes (or one range of them); throws StorageNotFoundError when absent. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing an absent object is not an error. */
  delete(key: string): Promise<void>;
  /** Every complete object under `prefix` (for sweepers comparing storage with the database). */
  list(prefix: string): AsyncIterable<StoredObject>;
  /** Removes the traces of uploads that stopped before the end (temporary files, unfinished multipart uploads) older than `olderThan`. */
  sweepIncomplete(olderThan: Date): Promise<number>;
  close(): Promise<void>;
}

export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object ${key}`);
    this.name = 'StorageNotFoundError';
  }
}

/** Segments of lower-case letters, digits, `-`, `_`, `.` (never a leading dot): no `..`, no absolute path, nothing a driver could misread. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;

export function assertKey(key: string): void {
  if (key.length > 512 || !KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

/** '' (everything) or key segments ending with '/'. */
export function assertPrefix(prefix: string): void {
  if (prefix === '') return;
  if (!prefix.endsWith('/')) throw new Error(`Invalid storage prefix: ${JSON.stringify(prefix)}`);
  assertKey(prefix.slice(0, -1));
}

/** A fresh server-made object name, e.g. `documents/2026/11/5f0c….bin` (month folders keep local directories small). */
export function newObjectKey(area: string, now = new Date()): string {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const key = `${area}/${month}/${randomUUID()}`;
  assertKey(key);
  return key;
}

export type StorageOptions =
  | { driver: 'local'; root: string }
  | { driver: 's3'; endpoint?: string; region: string; bucket: string; prefix: string; forcePathStyle: boolean; credentials?: { accessKeyId: string; secretAccessKey: string } };

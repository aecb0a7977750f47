import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { newObjectKey, type Storage } from '../../../storage';
import { Problem } from '../../plugins/errors';
import type { MessageKey } from '../../i18n';
import { cleanFileName, ruleFor, type FileRefusal, type FileRule } from './file-types';
import { FileRefused, UploadInspector } from './inspect';

/** A file now in storage, checked; the caller records it or deletes it. */
export interface StoredUpload {
  key: string;
  originalName: string;
  rule: FileRule;
  size: number;
  sha256: string;
  /** The multipart fields sent before the file (metadata), as strings. */
  fields: Record<string, string>;
}

const refusals = {
  typeNotAllowed: [415, 'documents.typeNotAllowed'],
  typeMismatch: [415, 'documents.typeMismatch'],
  textNotUtf8: [415, 'documents.textNotUtf8'],
  empty: [400, 'documents.emptyFile'],
} as const satisfies Record<FileRefusal, readonly [number, MessageKey]>;

const refuse = (reason: FileRefusal) => new Problem(refusals[reason][0], refusals[reason][1]);

/**
 * Receives the one file of a multipart request and streams it to storage
 * under a server-made name, checking it on the way (file-types.ts). The
 * request is never held whole in memory. Any refusal (type, size, UTF-8, a
 * client that goes away) leaves nothing in storage; the database is written
 * only afterwards, by the caller, who deletes the object if that fails.
 * Fields (metadata) must come before the file in the form.
 */
export async function receiveUpload(
  request: FastifyRequest,
  storage: Storage,
  options: { maxBytes: number; area: string; beforeFile?: (fields: Record<string, string>) => Promise<void> },
): Promise<StoredUpload> {
  const { maxBytes, area } = options;
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 16_384, parts: 10 } });
  } catch (err) {
    throw mapMultipartError(err);
  }
  if (!part) throw new Problem(400, 'documents.fileMissing');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    if (value && !Array.isArray(value) && value.type === 'field') fields[name] = String(value.value);
  }
  const originalName = cleanFileName(part.filename);
  const rule = ruleFor(originalName);
  try {
    if (!rule) throw refuse('typeNotAllowed');
    // Metadata is checked before a byte of the file is stored.
    await options.beforeFile?.(fields);
  } catch (err) {
    part.file.resume(); // drain what the client still sends; nothing is stored
    throw err;
  }
  const file = part.file;
  // busboy ends a file cut at the limit as if it were complete (`truncated`):
  // turn that into a failure so the storage write is abandoned.
  file.once('limit', () => file.destroy(new Problem(413, 'documents.fileTooLarge')));
  const inspector = new UploadInspector(rule!);
  // A refusal can come before the storage driver listens (it may first await
  // a directory or a connection): the error is read from `inspector.errored`.
  inspector.on('error', () => {});
  file.once('error', (err) => inspector.destroy(err));
  const key = newObjectKey(area);
  try {
    await storage.put(key, file.pipe(inspector), { contentType: rule!.mediaType });
  } catch (err) {
    file.resume();
    const cause = inspector.errored ?? err;
    if (cause instanceof FileRefused) throw refuse(cause.reason);
    throw mapMultipartError(cause);
  }
  if (file.truncated) {
    // The limit was reached before the listener above was attached (a fast
    // client, metadata checks awaiting the database): same answer, same cleanup.
    await storage.delete(key);
    throw new Problem(413, 'documents.fileTooLarge');
  }
  return { key, originalName, rule: rule!, size: inspector.size, sha256: inspector.sha256, fields };
}

function mapMultipartError(err: unknown): Error {
  if (err instanceof Problem) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new Problem(413, 'documents.fileTooLarge');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new Problem(415, 'documents.multipartExpected');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') return new Problem(400, 'documents.tooManyParts');
  if (code === 'FST_MP_PREMATURE_CLOSE' || /terminated early|Unexpected end/i.test((err as Error).message ?? '')) return new Problem(400, 'documents.uploadInterrupted');
  return err as Error;
}

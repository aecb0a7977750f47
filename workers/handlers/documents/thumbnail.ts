import { UnrecoverableError } from 'bullmq';
import sharp from 'sharp';
import { saveThumbnail, versionForProcessing } from '../../../db/queries/documents';
import { newObjectKey } from '../../../storage';
import type { JobHandler } from '../../jobs';
import { isUuid } from '../../../common/ids';
import { storageFor } from './storage';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * A 320-pixel WebP thumbnail of an image version, streamed from storage
 * through sharp and back. Decompression bombs are refused by sharp's pixel
 * limit (268 megapixels). Idempotent: a version that has one is skipped; a
 * race loses its object.
 */
export const makeDocumentThumbnail: JobHandler<'documents.thumbnail'> = async (payload, ctx) => {
  if (!payload || !isUuid(payload.versionId)) throw new UnrecoverableError('documents.thumbnail: bad payload');
  const version = await versionForProcessing(ctx.db, payload.versionId);
  if (!version || version.thumbnailKey || !IMAGE_TYPES.has(version.mediaType)) return { skipped: true };
  const storage = await storageFor(ctx.config);
  const key = newObjectKey('thumbnails');
  const resize = sharp({ failOn: 'error' }).rotate().resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true }).webp({ quality: 78 });
  const source = await storage.get(version.storageKey);
  source.once('error', (err) => resize.destroy(err));
  try {
    await storage.put(key, source.pipe(resize), { contentType: 'image/webp' });
  } catch (err) {
    ctx.log.warn(`documents.thumbnail: ${version.id}: ${(err as Error).message}`);
    throw new UnrecoverableError(`documents.thumbnail: unreadable image ${version.id}`);
  }
  if (!(await saveThumbnail(ctx.db, { versionId: version.id, key }))) {
    await storage.delete(key);
    return { skipped: true };
  }
  return { key };
};

import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sharp, { type OutputInfo } from 'sharp';
import { coverOf, setCover } from '../../../db/queries/news/posts';
import { newObjectKey } from '../../../storage';
import { NEWS_LIMITS } from '../../../common/news';
import type { Principal } from '../../plugins/auth';
import { Problem } from '../../plugins/errors';
import { readImageForm } from '../../lib/image-form';
import { viewerOf } from './posts';
import { refusal } from './refusals';

/** An image received, resized and stored: its storage key, alt text and size. */
export interface StoredImage { key: string; alt: string; width: number; height: number }

/**
 * An image received in a multipart form (`alt` then `file`), decoded and
 * resized by sharp (which refuses what is not a real JPEG, PNG or WebP image
 * and decompression bombs), stored as WebP under `folder` through the
 * documents' storage module. Shared by post covers and experience-sheet
 * photos; the caller records the key (and deletes it if it cannot).
 */
export async function receiveImage(app: FastifyInstance, request: FastifyRequest, folder: string): Promise<StoredImage> {
  const { alt, image } = await readImageForm(request, NEWS_LIMITS.coverBytes, { notMultipart: 'news.multipartExpected', tooLarge: 'news.coverTooLarge' });
  if (!alt || alt.length > NEWS_LIMITS.coverAlt) throw new Problem(400, 'news.coverAltRequired', [{ field: 'alt', key: 'news.coverAltRequired' }]);
  if (!image?.length) throw refusal('coverMissing');
  let resized: { data: Buffer; info: OutputInfo };
  try {
    const meta = await sharp(image).metadata();
    if (!['jpeg', 'png', 'webp'].includes(meta.format ?? '')) throw new Error('format');
    resized = await sharp(image, { failOn: 'error' }).rotate()
      .resize({ width: NEWS_LIMITS.coverWidth, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
  } catch {
    throw refusal('coverType');
  }
  const key = newObjectKey(folder);
  await app.storage.put(key, Readable.from(resized.data), { contentType: 'image/webp' });
  return { key, alt, width: resized.info.width, height: resized.info.height };
}

/** Sends a stored WebP image (the caller checked who may see it). */
export async function sendImage(app: FastifyInstance, reply: FastifyReply, key: string) {
  return reply.header('content-type', 'image/webp').header('cache-control', 'private, max-age=3600').send(await app.storage.get(key));
}

/** The cover image of a post: received by `receiveImage`, served to those who may read the post. */
export async function uploadCover(app: FastifyInstance, request: FastifyRequest, postId: string): Promise<void> {
  const image = await receiveImage(app, request, 'news-covers');
  const out = await setCover(app.db, postId, image);
  if (!out.ok) {
    await app.storage.delete(image.key);
    throw refusal('notFound');
  }
  if (out.previousKey) await app.storage.delete(out.previousKey).catch((err: unknown) => app.log.warn({ err }, 'news: old cover left in storage'));
}

export async function removeCover(app: FastifyInstance, postId: string): Promise<void> {
  const out = await setCover(app.db, postId, null);
  if (!out.ok) throw refusal('notFound');
  if (out.previousKey) await app.storage.delete(out.previousKey).catch((err: unknown) => app.log.warn({ err }, 'news: cover left in storage'));
}

export async function sendCover(app: FastifyInstance, principal: Principal, postId: string, reply: FastifyReply) {
  const key = await coverOf(app.db, postId, await viewerOf(app, principal));
  if (key === undefined) throw refusal('notFound');
  if (key === null) throw refusal('coverNone');
  return sendImage(app, reply, key);
}

import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sharp, { type OutputInfo } from 'sharp';
import { imageByToken, insertImage } from '../../../db/queries/newsletters';
import { newObjectKey } from '../../../storage';
import { NEWSLETTER_LIMITS as L } from '../../../common/newsletters';
import { readImageForm } from '../../lib/image-form';
import { imageUrl } from './body';
import { refusal } from './refusals';

/**
 * An image for a newsletter: received in a multipart form (`alt` then
 * `file`), decoded and resized by sharp (which refuses what is not a real
 * image, and decompression bombs), stored through the documents' storage
 * module. Saved as JPEG, or PNG when it has transparency — not WebP as the
 * news covers are: Outlook for Windows and older mail clients do not show
 * WebP. The alt text is required: the composer puts it on the <img>.
 */
export async function uploadImage(app: FastifyInstance, request: FastifyRequest, userId: string) {
  const { alt, image } = await readImageForm(request, L.imageBytes, { notMultipart: 'newsletters.multipartExpected', tooLarge: 'newsletters.imageTooLarge' });
  if (!alt || alt.length > L.imageAlt) throw refusal('imageAltRequired');
  if (!image?.length) throw refusal('imageMissing');
  let out: { data: Buffer; info: OutputInfo; png: boolean };
  try {
    const meta = await sharp(image).metadata();
    if (!['jpeg', 'png', 'webp', 'gif'].includes(meta.format ?? '')) throw new Error('format');
    const png = meta.hasAlpha === true;
    const pipeline = sharp(image, { failOn: 'error' }).rotate().resize({ width: L.imageWidth, withoutEnlargement: true });
    const { data, info } = await (png ? pipeline.png({ compressionLevel: 9 }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })).toBuffer({ resolveWithObject: true });
    out = { data, info, png };
  } catch {
    throw refusal('imageType');
  }
  const contentType = out.png ? 'image/png' : 'image/jpeg';
  const key = newObjectKey('newsletter-images');
  await app.storage.put(key, Readable.from(out.data), { contentType });
  const token = randomBytes(32).toString('base64url');
  await insertImage(app.db, { token, storageKey: key, contentType, alt, width: out.info.width, height: out.info.height, createdBy: userId });
  return { url: imageUrl(app.config.PUBLIC_URL, token), alt, width: out.info.width, height: out.info.height };
}

/** Public: a mail client fetches it without a session. The token is the only key (never listed anywhere); the bytes never change. */
export async function sendImage(app: FastifyInstance, token: string, reply: FastifyReply) {
  const image = await imageByToken(app.db, token);
  if (!image) throw refusal('imageNotFound');
  return reply.header('content-type', image.contentType).header('cache-control', 'public, max-age=31536000, immutable')
    .header('x-robots-tag', 'noindex')
    // Webmail pages on other origins load it: helmet's same-origin resource policy would block them.
    .header('cross-origin-resource-policy', 'cross-origin').send(await app.storage.get(image.storageKey));
}

import type { FastifyRequest } from 'fastify';
import type { MessageKey } from '../i18n';
import { Problem } from '../plugins/errors';

/**
 * Reads the multipart form every image upload sends (`alt`, then `file`),
 * with the file held in memory up to `maxBytes` (images are small; sharp
 * needs the whole buffer). Each feature checks and converts the image its own
 * way (news: WebP; newsletters: JPEG or PNG for mail clients) and words its
 * own refusals: `messages.notMultipart` (415), `messages.tooLarge` (413).
 */
export async function readImageForm(
  request: FastifyRequest,
  maxBytes: number,
  messages: { notMultipart: MessageKey; tooLarge: MessageKey },
): Promise<{ alt: string; image: Buffer | null }> {
  if (!request.isMultipart()) throw new Problem(415, messages.notMultipart);
  let alt = '';
  let image: Buffer | null = null;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 2, fieldSize: 4096, parts: 3 } })) {
    if (part.type === 'field') {
      if (part.fieldname === 'alt') alt = String(part.value).trim();
    } else {
      image = await part.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new Problem(413, messages.tooLarge);
        throw err;
      });
    }
  }
  return { alt, image };
}

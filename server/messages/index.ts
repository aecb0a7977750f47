import { errorMessages } from './errors';
import { idempotencyMessages } from './idempotency';
import { authMessages } from './auth';
import { accountsMessages } from './accounts';
import { trainingsMessages } from './trainings';
import { documentsMessages } from './documents';
import { audienceMessages } from './audience';
import { figuresMessages } from './figures';
import { newslettersMessages } from './newsletters';
import { newsletterSegmentsMessages } from './newsletter-segments';
import { visitsMessages } from './visits';
import { newsMessages } from './news';

/**
 * Server-side messages (problem+json `detail`, field messages), one file per
 * feature whose keys start with its name, each in French and English: a text
 * missing in either language is a type error, and so is a key outside its
 * file's prefix. Adding a feature adds its file and one entry here.
 */
export const messages = {
  ...errorMessages,
  ...idempotencyMessages,
  ...authMessages,
  ...accountsMessages,
  ...trainingsMessages,
  ...documentsMessages,
  ...audienceMessages,
  ...figuresMessages,
  ...newslettersMessages,
  ...newsletterSegmentsMessages,
  ...visitsMessages,
  ...newsMessages,
} as const;

export type MessageKey = keyof typeof messages;

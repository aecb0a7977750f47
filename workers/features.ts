import { accounts } from './handlers/accounts';
import { trainings } from './handlers/trainings';
import { documents } from './handlers/documents';
import { figures } from './handlers/figures';
import { newsletters } from './handlers/newsletters';
import { visits } from './handlers/visits';
import { news } from './handlers/news';
import { newsParticipation } from './handlers/news-participation';

/**
 * The features of the worker process, in order: each one's
 * workers/handlers/<feature>/index.ts gives its job handlers, repeatable
 * schedules, mail loaders and attachments. Adding a feature adds one line here.
 * (The mail outbox is infrastructure: workers/handlers/index.ts adds it.)
 */
export const features = [
  accounts,
  trainings,
  documents,
  figures,
  newsletters,
  visits,
  news,
  newsParticipation,
] as const;

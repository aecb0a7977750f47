import healthRoutes from './routes/health';
import mailRoutes from './routes/mail';
import territoryRoutes from './routes/territory';
import queueBoardRoutes from './routes/queues';
import { defineServerFeature } from './feature';
import { accounts } from './features/accounts';
import { documents } from './features/documents';
import { news } from './features/news';
import { trainings } from './features/trainings';
import { figures } from './features/figures';
import { newsletters } from './features/newsletters';
import { newsletterSegments } from './features/newsletter-segments';
import { visits } from './features/visits';

/**
 * The api's features, in order: each one's server/features/<feature>.ts gives
 * its routes plugins and its part of the personal-data export and erasure
 * (server/services/personal-data.ts runs them in this order, in one
 * transaction). server/app.ts registers the routes from this list. Adding a
 * feature adds one line here. Infrastructure (health, the territory's
 * reference data, the mail outbox's admin page) has routes only.
 */
export const features = [
  defineServerFeature({ name: 'health', routes: [healthRoutes] }),
  accounts,
  defineServerFeature({ name: 'territory', routes: [territoryRoutes] }),
  defineServerFeature({ name: 'mail', routes: [mailRoutes] }),
  defineServerFeature({ name: 'queues', routes: [queueBoardRoutes] }),
  trainings,
  documents,
  figures,
  newsletters,
  newsletterSegments,
  visits,
  news,
] as const;

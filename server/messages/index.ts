import newsletters from './newsletters.json';
import newsletterSegments from './newsletter-segments.json';
import news from './news.json';
import errors from './errors.json';
import idempotency from './idempotency.json';
import auth from './auth.json';
import accounts from './accounts.json';
import trainings from './trainings.json';
import documents from './documents.json';
import audience from './audience.json';
import figures from './figures.json';
import { visitsMessages } from './visits';
import type { Locale } from '../../common/format';
import type { FiguresProblem } from '../../common/figures';

type Texts = Readonly<Record<Locale, string>>;

/**
 * A feature's catalogue (server/messages/<feature>.json, the client's locale
 * format), checked: a text missing in either language is a type error, and so
 * is a key outside the feature's prefix (also refused at start-up).
 */
function catalogue<P extends string, T extends { [K in keyof T]: K extends `${P}.${string}` ? Texts : never }>(prefix: P, texts: T): T {
  const stray = Object.keys(texts).find((key) => !key.startsWith(`${prefix}.`));
  if (stray) throw new Error(`server/messages: « ${stray} » is outside the prefix « ${prefix}. »`);
  return texts;
}

/**
 * Server-side messages (problem+json `detail`, field messages), one JSON file
 * per feature whose keys start with its name, each in French and English.
 * Adding a feature adds its file and one entry here (scripts/messages-to-json.ts
 * converts a catalogue written in TypeScript).
 */
export const messages = {
  ...catalogue('newsletters', newsletters), // newsletters: campaigns, topics, consent and unsubscribe
  ...catalogue('newsletterSegments', newsletterSegments), // newsletter segments: saved filters over establishments and people
  ...catalogue('news', news), // network news and participation (issue 12): posts, agenda, search, preferences; comments, reports, reactions, experience sheets
  ...catalogue('error', errors), // messages every feature shares: validation, access, limits, unexpected errors
  ...catalogue('idempotency', idempotency), // Idempotency-Key refusals (server/plugins/idempotency.ts)
  ...catalogue('auth', auth), // log-in, one-time links and passwords
  ...catalogue('accounts', accounts), // users, establishments and offices
  ...catalogue('trainings', trainings), // the trainings feature
  ...catalogue('documents', documents), // the resource library
  ...catalogue('audience', audience), // who may see a piece of content: the audience module, shared by documents, news and newsletters
  ...catalogue('figures', figures satisfies Record<`figures.${FiguresProblem}`, Texts>), // the partners' monthly figures and the « Observatoire »; a text for every problem of common/figures.ts
  ...catalogue('visits', visitsMessages), // office visitor counts
} as const;

export type MessageKey = keyof typeof messages;

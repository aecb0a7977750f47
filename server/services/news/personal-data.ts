import { eraseNewsData, exportNewsData } from '../../../db/queries/news/personal-data';
import type { PersonalDataPart } from '../../feature';

/** RGPD, news part: preferences, comments, sheets, read marks, mutes, reactions, reports made, digests, posts written (db/queries/news/personal-data.ts says what erasure keeps and why). */
export const newsPersonalData = {
  export: async (tx, { userId }) => ({ news: await exportNewsData(tx, userId) }),
  erase: (tx, { userId }) => eraseNewsData(tx, userId),
} satisfies PersonalDataPart;

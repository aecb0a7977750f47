import type { ContactRow, ThemeRow } from '../../../db/queries/visits';
import { VISIT_LIMITS } from '../../../common/limits';
import { iso } from '../../../common/text';
import type { Contact, Theme } from '../../schemas/visits';

/** Rows -> API objects of the visits feature (server/schemas/visits.ts). */

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id, officeId: row.officeId, occurredAt: iso(row.occurredAt), mode: row.mode, partySize: row.partySize,
    origin: row.origin, language: row.language as Contact['language'], themeIds: row.themeIds,
    createdAt: iso(row.createdAt), correctableUntil: iso(new Date(row.createdAt.getTime() + VISIT_LIMITS.correctionMinutes * 60_000)),
  };
}

export function toTheme(row: ThemeRow): Theme {
  return { id: row.id, labelFr: row.labelFr, labelEn: row.labelEn, position: row.position, active: row.active };
}

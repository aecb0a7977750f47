import type { AudienceRefusal } from '../../db/queries/audience';
import type { MessageKey } from '../i18n';
import { Problem } from '../plugins/errors';

/**
 * What a refusal becomes: status, message, the field it is about, and the
 * problem's own message when it differs from the field's (a reference that
 * does not exist is a validation error about that field).
 */
export type RefusalEntry = readonly [status: number, key: MessageKey, field?: string, title?: MessageKey];

/**
 * A feature's refusals from its one typed table: `refusal(reason)` is the
 * problem to throw (`fields` names the fields at fault when there are
 * several), `orRefuse(outcome)` unwraps an outcome or throws its refusal.
 */
export function refusalsOf<R extends string>(table: Record<R, RefusalEntry>) {
  function refusal(reason: R, fields?: string[]): Problem {
    const [status, key, field, title] = table[reason];
    const at = fields ?? (field ? [field] : []);
    return new Problem(status, title ?? key, at.map((f) => ({ field: f, key })));
  }
  function orRefuse<T extends { ok: boolean }>(out: T): Extract<T, { ok: true }> {
    if (!out.ok) throw refusal((out as unknown as { reason: R }).reason);
    return out as Extract<T, { ok: true }>;
  }
  return { refusal, orRefuse };
}

/**
 * The entries of a table whose message is the feature's own text for the
 * reason (`<feature>.<reason>` in server/messages) and which name no field,
 * grouped by status:
 *
 *   ...ownMessagesByStatus('news', { 404: ['commentNotFound'], 409: ['commentHidden', 'reportExists'] })
 *
 * is { commentNotFound: [404, 'news.commentNotFound'], commentHidden: [409, 'news.commentHidden'], … }.
 * The table's `satisfies Record<Reason, RefusalEntry>` checks that every
 * such message exists; a reason with another message or a field keeps its
 * own entry.
 */
export function ownMessagesByStatus<F extends string, R extends string>(
  feature: F,
  groups: Partial<Record<number, readonly R[]>>,
): Record<R, readonly [status: number, key: `${F}.${R}`]> {
  const entries = Object.entries(groups).flatMap(([status, reasons]) => (reasons ?? []).map((reason) => [reason, [Number(status), `${feature}.${reason}`] as const]));
  return Object.fromEntries(entries) as Record<R, readonly [number, `${F}.${R}`]>;
}

/** The reasons a query's outcome (`{ ok: false, reason }`) can carry. */
export type ReasonOf<T> = T extends { ok: false; reason: infer R } ? R : never;

/**
 * The audience module's refusals (db/queries/audience.ts `checkAudience`):
 * the audience field each one is about, and its message. Documents, news and
 * newsletter segments each name the field in their own body.
 */
export const AUDIENCE_REFUSALS = {
  unknownCategory: ['categories', 'audience.unknownCategory'],
  unknownSubcategory: ['subcategories', 'audience.unknownSubcategory'],
  unknownCommune: ['communes', 'audience.unknownCommune'],
  unknownCommunaute: ['communautes', 'audience.unknownCommunaute'],
  unknownOffice: ['offices', 'audience.unknownOffice'],
} as const satisfies Record<AudienceRefusal, readonly [field: string, key: MessageKey]>;

/** The audience refusals as entries of a feature's table, each about `<prefix>.<field>`. */
export function audienceRefusalEntries(prefix: string): Record<AudienceRefusal, RefusalEntry> {
  const entries = Object.entries(AUDIENCE_REFUSALS).map(([reason, [field, key]]) => [reason, [400, key, `${prefix}.${field}`] as const]);
  return Object.fromEntries(entries) as Record<AudienceRefusal, RefusalEntry>;
}

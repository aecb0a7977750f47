import { Type, type Static } from 'typebox';
import { VISIT_LIMITS } from '../../common/limits';
import { ORIGIN_PATTERN, VISIT_DIMENSIONS, VISIT_LANGUAGES, VISIT_MODES } from '../../common/visits';
import { DateTime, OneOf, Text, Uuid, YearMonth } from './common';

const L = VISIT_LIMITS;
const OfficeId = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9-]+$' });
const Month = YearMonth;
const Origin = Type.String({ pattern: ORIGIN_PATTERN, maxLength: 6, description: 'FR-<département> ou code pays ISO' });
const ThemeIds = Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), { maxItems: L.themesPerContact });
const Count = Type.Integer({ minimum: 0, maximum: 2_147_483_647 });

const contactFields = {
  mode: OneOf(VISIT_MODES),
  partySize: Type.Integer({ minimum: 1, maximum: L.partySizeMax }),
  origin: Origin,
  language: OneOf(VISIT_LANGUAGES),
  themeIds: ThemeIds,
};

export const ContactBody = Type.Object({
  id: Uuid,
  officeId: Type.Optional(OfficeId),
  occurredAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'Heure du contact (celle du navigateur pour un contact enregistré hors ligne) ; maintenant par défaut' })),
  ...contactFields,
}, { additionalProperties: false });
export type ContactBody = Static<typeof ContactBody>;

export const CorrectionBody = Type.Object({
  mode: Type.Optional(contactFields.mode),
  partySize: Type.Optional(contactFields.partySize),
  origin: Type.Optional(Origin),
  language: Type.Optional(contactFields.language),
  themeIds: Type.Optional(ThemeIds),
}, { additionalProperties: false, minProperties: 1 });
export type CorrectionBody = Static<typeof CorrectionBody>;

export const ContactSchema = Type.Object({
  id: Uuid,
  officeId: Type.String(),
  occurredAt: DateTime,
  ...contactFields,
  createdAt: Type.String({ format: 'date-time' }),
  correctableUntil: Type.String({ format: 'date-time' }),
});
export type Contact = Static<typeof ContactSchema>;
export const ContactResult = Type.Object({ contact: ContactSchema, created: Type.Boolean() });
export const ContactList = Type.Object({ items: Type.Array(ContactSchema) });

export const ThemeSchema = Type.Object({ id: Type.Integer(), labelFr: Type.String(), labelEn: Type.String(), position: Type.Integer(), active: Type.Boolean() });
export type Theme = Static<typeof ThemeSchema>;
export const ThemeList = Type.Object({ items: Type.Array(ThemeSchema) });
export const ThemeBody = Type.Object({ labelFr: Text(L.themeLabel), labelEn: Text(L.themeLabel) }, { additionalProperties: false });
export const ThemeUpdateBody = Type.Object({
  labelFr: Type.Optional(Text(L.themeLabel)),
  labelEn: Type.Optional(Text(L.themeLabel)),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
export const ThemeParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, { additionalProperties: false });

export const SetupQuery = Type.Object({ officeId: Type.Optional(OfficeId) }, { additionalProperties: false });
export const SetupSchema = Type.Object({
  offices: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  officeId: Type.Union([Type.String(), Type.Null()]),
  themes: Type.Array(ThemeSchema),
  frequentOrigins: Type.Array(Type.String()),
});

const TotalLine = Type.Object({
  dimension: OneOf(VISIT_DIMENSIONS),
  value: Type.String({ maxLength: 40 }),
  contacts: Count,
  visitors: Count,
}, { additionalProperties: false });
export const TotalsQuery = Type.Object({ officeId: OfficeId, month: Month }, { additionalProperties: false });
export const TotalsBody = Type.Object({ officeId: OfficeId, month: Month, lines: Type.Array(TotalLine, { maxItems: L.bulkRows }) }, { additionalProperties: false });
export const TotalsSchema = Type.Object({ officeId: Type.String(), month: Type.String(), lines: Type.Array(TotalLine) });

export const ImportBody = Type.Object({ csv: Type.String({ minLength: 1, maxLength: L.importChars, text: 'multiline' }) }, { additionalProperties: false });
export const ImportResult = Type.Object({ imported: Type.Integer(), officeMonths: Type.Integer() });

export const DashboardQuery = Type.Object({
  year: Type.Integer({ minimum: L.yearMin, maximum: L.yearMax }),
  officeId: Type.Optional(OfficeId),
}, { additionalProperties: false });
export const DashboardSchema = Type.Object({
  year: Type.Integer(),
  officeId: Type.Union([Type.String(), Type.Null()]),
  offices: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  themes: Type.Array(ThemeSchema),
  months: Type.Array(Type.Object({ officeId: Type.String(), month: Type.String(), contacts: Type.Integer(), visitors: Type.Integer() })),
  breakdown: Type.Array(Type.Object({
    dimension: Type.String(), value: Type.String(),
    contacts: Type.Integer(), visitors: Type.Integer(), previousContacts: Type.Integer(), previousVisitors: Type.Integer(),
  })),
  /** Office-months changed and not yet in these figures (rolled up within a minute). */
  pending: Type.Integer(),
});
export type Dashboard = Static<typeof DashboardSchema>;

import { Type, type Static } from 'typebox';
import { LANGUAGES } from '../../common/accounts';
import { SEGMENT_LIMITS as L, type SegmentFilter, SEGMENT_PEOPLE, SEGMENT_RECIPIENT_KINDS, SEGMENT_TRAINING_MODES } from '../../common/newsletter-segments';
import { TRAINING_THEMES } from '../../common/trainings';
import { AudienceSchema } from './audience';
import { OneOf, Text, Uuid } from './common';

const TopicId = Type.String({ pattern: '^[a-z0-9-]{1,64}$', maxLength: 64 });
/** A calendar day in Europe/Paris, inclusive. */
const Day = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', minLength: 10, maxLength: 10, description: 'Jour AAAA-MM-JJ (Europe/Paris)' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Set = <T extends Parameters<typeof Type.Array>[0]>(item: T, maxItems: number) => Type.Array(item, { maxItems, uniqueItems: true });
const place = AudienceSchema.properties;

/**
 * A training filter: people (or establishments) registered for, or present
 * at, a session of a training of one of `themes` (empty: any theme) that
 * started between `from` and `to` (inclusive days; null: open-ended).
 */
export const SegmentTrainingSchema = Type.Object({
  mode: OneOf(SEGMENT_TRAINING_MODES),
  themes: Set(OneOf(TRAINING_THEMES), L.themes),
  from: Nullable(Day),
  to: Nullable(Day),
}, { additionalProperties: false });

/**
 * A segment's filter, stored as typed JSON. Within one list values combine
 * with OR, and the lists with AND; an empty list (or null / false) does not
 * narrow. The establishment filters (categories to figures) read a person's
 * establishment or the establishment whose contact address it is.
 */
export const SegmentFilterSchema = Type.Object({
  people: OneOf(SEGMENT_PEOPLE),
  categories: place.categories,
  subcategories: place.subcategories,
  communes: Set(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$', maxLength: 5 }), L.communes),
  communautes: place.communautes,
  offices: place.offices,
  labels: Set(Type.String({ minLength: 1, maxLength: 80 }), L.labels),
  membershipYears: Set(Type.Integer({ minimum: L.yearMin, maximum: L.yearMax }), L.membershipYears),
  languages: Set(OneOf(LANGUAGES), LANGUAGES.length),
  training: Type.Union([SegmentTrainingSchema, Type.Null()]),
  /** Establishments that give figures and have not given last month's (Europe/Paris). */
  figuresMissingLastMonth: Type.Boolean(),
}, { additionalProperties: false });
export type SegmentFilterDto = Static<typeof SegmentFilterSchema>;
// The stored type and the schema are one contract: this line fails to compile when they drift.
const sameContract: [SegmentFilter, SegmentFilterDto] = [null as unknown as SegmentFilterDto, null as unknown as SegmentFilter];
void sameContract;

export const SegmentBody = Type.Object({ name: Text(L.name), filter: SegmentFilterSchema }, { additionalProperties: false });
export type SegmentBodyDto = Static<typeof SegmentBody>;

export const SegmentSchema = Type.Object({
  id: Uuid, name: Type.String(), filter: SegmentFilterSchema,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }), updatedAt: Type.String({ format: 'date-time' }),
});
export type SegmentDto = Static<typeof SegmentSchema>;
export const SegmentList = Type.Object({ items: Type.Array(SegmentSchema) });

/** The live count while editing: an unsaved filter, counted among a topic's subscribers who are not suppressed. */
export const SegmentPreviewBody = Type.Object({ filter: SegmentFilterSchema, topicId: TopicId }, { additionalProperties: false });
export type SegmentPreviewBodyDto = Static<typeof SegmentPreviewBody>;

/** A sampled recipient, minimised (RGPD): no full address, only its first letter and domain. */
export const SegmentSampleSchema = Type.Object({
  kind: OneOf(SEGMENT_RECIPIENT_KINDS),
  name: Type.String(),
  establishment: Type.Union([Type.String(), Type.Null()]),
  commune: Type.Union([Type.String(), Type.Null()]),
  maskedAddress: Type.String(),
  language: OneOf(LANGUAGES),
});
export type SegmentSampleDto = Static<typeof SegmentSampleSchema>;
export const SegmentPreviewSchema = Type.Object({ count: Type.Integer(), sample: Type.Array(SegmentSampleSchema) });
export type SegmentPreviewDto = Static<typeof SegmentPreviewSchema>;

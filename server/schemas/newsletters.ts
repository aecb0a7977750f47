import { Type, type Static } from 'typebox';
import { CAMPAIGN_STATUSES, NEWSLETTER_LIMITS as L, SUPPRESSION_REASONS, SUPPRESSION_REMOVAL_REASONS } from '../../common/newsletters';
import { SEARCH_MAX_LENGTH } from '../../common/limits';
import { AudienceSchema } from './audience';
import { Email } from './accounts';
import { MULTILINE, OneOf, PageQuery, Paginated, Text, Uuid } from './common';

const TopicId = Type.String({ pattern: '^[a-z0-9-]{1,64}$', maxLength: 64 });

export const TopicSchema = Type.Object({
  id: Type.String(), nameFr: Type.String(), nameEn: Type.String(), descriptionFr: Type.String(), descriptionEn: Type.String(),
  position: Type.Integer(), active: Type.Boolean(),
});
export type TopicDto = Static<typeof TopicSchema>;
export const TopicList = Type.Object({ items: Type.Array(TopicSchema) });
export const TopicParams = Type.Object({ topicId: TopicId }, { additionalProperties: false });
export const TopicBody = Type.Object({
  nameFr: Text(L.topicName), nameEn: Text(L.topicName),
  descriptionFr: Type.String({ maxLength: L.topicDescription, ...MULTILINE }), descriptionEn: Type.String({ maxLength: L.topicDescription, ...MULTILINE }),
  position: Type.Integer({ minimum: 0, maximum: 1000 }), active: Type.Boolean(),
}, { additionalProperties: false });
export type TopicBodyDto = Static<typeof TopicBody>;

export const PreferenceSchema = Type.Object({ id: Type.String(), nameFr: Type.String(), nameEn: Type.String(), descriptionFr: Type.String(), descriptionEn: Type.String(), subscribed: Type.Boolean() });
export type PreferenceDto = Static<typeof PreferenceSchema>;
export const PreferenceList = Type.Object({ items: Type.Array(PreferenceSchema) });
export const PreferencesBody = Type.Object({
  topics: Type.Array(Type.Object({ topicId: TopicId, subscribed: Type.Boolean() }, { additionalProperties: false }), { maxItems: 50 }),
}, { additionalProperties: false });

export const UnsubscribeParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 600, pattern: '^[A-Za-z0-9_.-]+$' }) }, { additionalProperties: false });
/** RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` as a form; the confirmation page POSTs `{}`. */
export const UnsubscribeBody = Type.Object({ 'List-Unsubscribe': Type.Optional(Type.String({ maxLength: 20 })) }, { additionalProperties: false });
export const UnsubscribeInfo = Type.Object({ topicId: Type.String(), topicName: Type.Object({ fr: Type.String(), en: Type.String() }), address: Type.String(), subscribed: Type.Boolean() });
export type UnsubscribeInfoDto = Static<typeof UnsubscribeInfo>;

export const SenderList = Type.Object({ items: Type.Array(Type.String()) });

export const CampaignBody = Type.Object({
  subject: Text(L.subject),
  preheader: Type.String({ maxLength: L.preheader }),
  sender: Type.String({ minLength: 3, maxLength: 300 }),
  bodyHtml: Type.String({ minLength: 1, maxLength: L.bodyHtml, ...MULTILINE }),
  topicId: TopicId,
  audience: AudienceSchema,
}, { additionalProperties: false });
export type CampaignBodyDto = Static<typeof CampaignBody>;

export const ProgressSchema = Type.Object({
  total: Type.Integer(), queued: Type.Integer(), sending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer(), uncertain: Type.Integer(), skipped: Type.Integer(),
  /** Mails per minute over the last minute. */
  ratePerMinute: Type.Integer(),
  /** Seconds left at that rate, null when nothing is being sent. */
  secondsLeft: Type.Union([Type.Integer(), Type.Null()]),
});
export type ProgressDto = Static<typeof ProgressSchema>;

export const CampaignSchema = Type.Object({
  id: Uuid, subject: Type.String(), preheader: Type.String(), sender: Type.String(), bodyHtml: Type.String(), topicId: Type.String(),
  audience: AudienceSchema, status: OneOf(CAMPAIGN_STATUSES), total: Type.Integer(),
  launchedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  progress: ProgressSchema,
});
export type CampaignDto = Static<typeof CampaignSchema>;
export const CampaignPage = Paginated(Type.Omit(CampaignSchema, ['bodyHtml']));
export const CampaignQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const CampaignAction = Type.Object({ action: Type.Union([Type.Literal('launch'), Type.Literal('pause'), Type.Literal('resume'), Type.Literal('cancel'), Type.Literal('resend-uncertain')]) }, { additionalProperties: false });
export const CampaignActionParams = Type.Object({ id: Uuid, action: CampaignAction.properties.action }, { additionalProperties: false });
export const ReachSchema = Type.Object({ count: Type.Integer() });

export const SuppressionSchema = Type.Object({ address: Type.String(), reason: OneOf(SUPPRESSION_REASONS), note: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String({ format: 'date-time' }) });
export const SuppressionPage = Paginated(SuppressionSchema);
export const SuppressionQuery = Type.Object({
  search: Type.Optional(Type.String({ maxLength: SEARCH_MAX_LENGTH })), reason: Type.Optional(OneOf(SUPPRESSION_REASONS)), ...PageQuery,
}, { additionalProperties: false });
export const SuppressionRemovalBody = Type.Object({ address: Email, reason: OneOf(SUPPRESSION_REMOVAL_REASONS) }, { additionalProperties: false });
export type SuppressionDto = Static<typeof SuppressionSchema>;
export const SuppressionBody = Type.Object({
  address: Email,
  reason: Type.Union([Type.Literal('complaint'), Type.Literal('hard_bounce')]),
  note: Type.Optional(Type.String({ maxLength: L.note, ...MULTILINE })),
}, { additionalProperties: false });

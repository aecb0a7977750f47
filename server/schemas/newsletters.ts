import { Type, type Static } from 'typebox';
import { CAMPAIGN_CHECKS, CAMPAIGN_STATUSES, NEWSLETTER_LIMITS as L, SUPPRESSION_REASONS, SUPPRESSION_REMOVAL_REASONS } from '../../common/newsletters';
import { SEARCH_MAX_LENGTH } from '../../common/limits';
import { AudienceSchema } from './audience';
import { Email } from './accounts';
import { DateTime, MULTILINE, OneOf, PageQuery, Paginated, Text, Uuid } from './common';

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
  /** A saved segment (server/schemas/newsletter-segments.ts): when set, it replaces the audience at launch. */
  segmentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
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
  segmentId: Type.Union([Uuid, Type.Null()]),
  scheduledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Set when the worker found it too late (the system was down at its time): waits for « envoyer maintenant » or « reprogrammer ». */
  missedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Shown in the partners' web archive (finished campaigns only). */
  archived: Type.Boolean(),
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

// ---------- composer ----------

export const CheckList = Type.Object({
  items: Type.Array(Type.Object({ key: OneOf(CAMPAIGN_CHECKS), ok: Type.Boolean(), blocking: Type.Boolean(), details: Type.Array(Type.String()) })),
});
export type CheckDto = Static<typeof CheckList>['items'][number];
export const LangQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])) }, { additionalProperties: false });
export const PreviewSchema = Type.Object({ subject: Type.String(), html: Type.String(), text: Type.String() });
export type PreviewDto = Static<typeof PreviewSchema>;
export const TestSentSchema = Type.Object({ to: Type.String() });
export const ScheduleBody = Type.Object({ at: Type.Union([DateTime, Type.Null()]) }, { additionalProperties: false });
export const ArchiveBody = Type.Object({ archived: Type.Boolean() }, { additionalProperties: false });
export const ImageSchema = Type.Object({ url: Type.String(), alt: Type.String(), width: Type.Integer(), height: Type.Integer() });
export type ImageDto = Static<typeof ImageSchema>;
/** 32 random bytes in base64url. */
/** A counted link's token (22 base64url characters when issued; any other well-formed one is simply unknown: 404). */
export const LinkParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
/** A campaign's aggregate counts: never who clicked or opened (CNIL), only how many per link, and the topic's unsubscriptions since launch. */
export const CampaignCountsSchema = Type.Object({
  /** Unsubscriptions from the campaign's topic since its launch (the link does not say which letter it came from); null before launch. */
  unsubscribedSinceLaunch: Type.Union([Type.Integer(), Type.Null()]),
  links: Type.Array(Type.Object({ url: Type.String(), clicks: Type.Integer() })),
});
export type CampaignCountsDto = Static<typeof CampaignCountsSchema>;
export const ImageParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', minLength: 43, maxLength: 43 }) }, { additionalProperties: false });

export const ArchiveItemSchema = Type.Object({ id: Uuid, subject: Type.String(), preheader: Type.String(), topicName: Type.Object({ fr: Type.String(), en: Type.String() }), finishedAt: Type.String({ format: 'date-time' }) });
export type ArchiveItemDto = Static<typeof ArchiveItemSchema>;
export const ArchivePage = Paginated(ArchiveItemSchema);
export const ArchiveQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const ArchiveLetterSchema = Type.Object({ id: Uuid, subject: Type.String(), topicName: Type.Object({ fr: Type.String(), en: Type.String() }), finishedAt: Type.String({ format: 'date-time' }), html: Type.String(), text: Type.String() });
export type ArchiveLetterDto = Static<typeof ArchiveLetterSchema>;

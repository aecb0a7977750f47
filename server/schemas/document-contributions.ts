import { Type, type Static } from 'typebox';
import { CONTRIBUTION_LIMITS, CONTRIBUTION_STATUSES } from '../../common/documents';
import { AudienceSchema } from './audience';
import { MULTILINE, OneOf, PageQuery, Paginated, Text, Uuid } from './common';
import { Nullable } from './documents';

/** Partner contributions (proposals), folder follows and library documents attached to trainings. */

const Tag = Type.String({ minLength: 1, maxLength: 40 });

export const ContributionStatusSchema = OneOf(CONTRIBUTION_STATUSES);

export const ContributionSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  credit: Type.String(),
  status: ContributionStatusSchema,
  establishment: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  proposerName: Nullable(Type.String()),
  originalName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  licenceVersion: Type.String(),
  licenceAcceptedAt: Type.String({ format: 'date-time' }),
  /** The library document it became (approved). */
  documentId: Nullable(Uuid),
  folderId: Nullable(Uuid),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  decisionMessage: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Contribution = Static<typeof ContributionSchema>;

/** The `meta` field of a proposal form (JSON), sent before the file. */
export const ContributionMeta = Type.Object(
  {
    title: Text(CONTRIBUTION_LIMITS.title),
    description: Type.Optional(Type.String({ maxLength: 2000, ...MULTILINE })),
    /** Author credit, e.g. « Photo : Jeanne Martin ». */
    credit: Text(120),
    /** The usage licence: the office may use the file in its promotion. Must be accepted. */
    licenceAccepted: Type.Literal(true),
  },
  { additionalProperties: false },
);
export type ContributionMeta = Static<typeof ContributionMeta>;

export const ContributionListQuery = Type.Object({ status: Type.Optional(ContributionStatusSchema), ...PageQuery }, { additionalProperties: false });
export const ContributionList = Paginated(ContributionSchema);

export const ApproveContributionBody = Type.Object(
  {
    folderId: Uuid,
    title: Type.Optional(Text(200)),
    description: Type.Optional(Type.String({ maxLength: 4000, ...MULTILINE })),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 20, uniqueItems: true })),
    /** Default: everyone signed in. */
    audience: Type.Optional(AudienceSchema),
  },
  { additionalProperties: false },
);
export type ApproveContributionBody = Static<typeof ApproveContributionBody>;

export const DeclineContributionBody = Type.Object({ message: Type.String({ maxLength: 2000, ...MULTILINE }) }, { additionalProperties: false });

export const ApproveResultSchema = Type.Object({ contribution: ContributionSchema, documentId: Uuid });

// ---------- follows ----------

export const FollowSchema = Type.Object({ folderId: Uuid, following: Type.Boolean() });
export const FollowList = Type.Object({ folderIds: Type.Array(Uuid) });

// ---------- training attachments ----------

export const AttachedDocumentSchema = Type.Object({
  id: Uuid,
  sessionId: Nullable(Uuid),
  documentId: Uuid,
  title: Type.String(),
  credit: Nullable(Type.String()),
  mediaType: Nullable(Type.String()),
  size: Nullable(Type.Integer()),
  originalName: Nullable(Type.String()),
});
export type AttachedDocument = Static<typeof AttachedDocumentSchema>;
export const AttachedDocumentList = Type.Object({ items: Type.Array(AttachedDocumentSchema) });
export const AttachDocumentBody = Type.Object({ documentId: Uuid, sessionId: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false });
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false });

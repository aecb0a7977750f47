import { Type, type Static } from 'typebox';
import { AudienceSchema } from './audience';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, DOCUMENT_TEXT_STATUSES } from '../../common/documents';
import { OneOf, PageQuery, Paginated, Text, Uuid } from './common';

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DocumentStatusSchema = OneOf(DOCUMENT_STATUSES);
const Tag = Type.String({ minLength: 1, maxLength: 40 });
const Day = Type.String({ format: 'date', maxLength: 10 });

export const VersionSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  originalName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  changeNote: Type.String(),
  pageCount: Nullable(Type.Integer()),
  hasThumbnail: Type.Boolean(),
  textStatus: OneOf(DOCUMENT_TEXT_STATUSES),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Version = Static<typeof VersionSchema>;

const SnippetSchema = Type.Array(Type.Object({ text: Type.String(), mark: Type.Boolean() }));

export const DocumentSchema = Type.Object({
  id: Uuid,
  folderId: Nullable(Uuid),
  title: Type.String(),
  description: Type.String(),
  tags: Type.Array(Type.String()),
  status: DocumentStatusSchema,
  audience: AudienceSchema,
  owner: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  /** Author credit of a partner's contribution (null: the office's own). */
  credit: Nullable(Type.String()),
  reviewOn: Nullable(Day),
  currentVersion: Nullable(VersionSchema),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  /** Published since the reader's previous visit to the library (lists only). */
  isNew: Type.Optional(Type.Boolean()),
  /** Highlighted passages when the list answers a search; plain segments, never HTML. */
  snippet: Type.Optional(Nullable(SnippetSchema)),
});
export type DocumentItem = Static<typeof DocumentSchema>;

export const DocumentDetailSchema = Type.Object({
  document: DocumentSchema,
  /** Every version, newest first: staff only (partners get the current one). */
  versions: Type.Optional(Type.Array(VersionSchema)),
  /** Downloads by partner category ('staff' for the office): staff only, never per person. */
  downloads: Type.Optional(Type.Array(Type.Object({ category: Type.String(), count: Type.Integer() }))),
  /** Downloads of each version that has any: staff only. */
  downloadsByVersion: Type.Optional(Type.Array(Type.Object({ versionId: Uuid, count: Type.Integer() }))),
  /** Downloads by day (Paris), the last 30 days that have any, newest first: staff only. */
  downloadsByDay: Type.Optional(Type.Array(Type.Object({ day: Type.String({ format: 'date' }), count: Type.Integer() }))),
});

export const DuplicateSchema = Type.Object({ documentId: Uuid, title: Type.String(), versionNumber: Type.Integer() });

export const UploadResultSchema = Type.Object({
  document: DocumentSchema,
  /** Documents that already hold the same file (same SHA-256): pointed out, not refused. */
  duplicates: Type.Array(DuplicateSchema),
});

/** A document's details: the `meta` field of an upload form (JSON, sent before the file); a PATCH sends any of them. */
const documentFields = {
  title: Text(200),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  tags: Type.Optional(Type.Array(Tag, { maxItems: 20, uniqueItems: true })),
  folderId: Type.Optional(Nullable(Uuid)),
  status: Type.Optional(DocumentStatusSchema),
  audience: Type.Optional(AudienceSchema),
  reviewOn: Type.Optional(Nullable(Day)),
  ownerId: Type.Optional(Nullable(Uuid)),
};
export const CreateDocumentMeta = Type.Object(documentFields, { additionalProperties: false });
export type CreateDocumentMeta = Static<typeof CreateDocumentMeta>;

/** The `meta` field of a new version's form (JSON, optional). */
export const NewVersionMeta = Type.Object({ changeNote: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });

export const DocumentListQuery = Type.Object(
  {
    folderId: Type.Optional(Type.Union([Uuid, Type.Literal('root')])),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    /** Documents carrying this tag (exactly as written, case aside). */
    tag: Type.Optional(Type.String({ maxLength: 40 })),
    /** Documents whose current file is of this kind (common/documents.ts). */
    type: Type.Optional(OneOf(DOCUMENT_KINDS)),
    status: Type.Optional(DocumentStatusSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const DocumentList = Type.Object({
  ...Paginated(DocumentSchema).properties,
  // false where the database could not install unaccent: the interface says searches are accent-sensitive.
  accentInsensitiveSearch: Type.Boolean(),
});

/** `preview`: the document page shows the file in a frame; such a read is not counted as a download. */
export const DownloadQuery = Type.Object({ preview: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const VersionParams = Type.Object({ id: Uuid, versionId: Uuid }, { additionalProperties: false });

export const FolderSchema = Type.Object({ id: Uuid, parentId: Nullable(Uuid), name: Type.String(), audience: AudienceSchema });
export const FolderList = Type.Object({ items: Type.Array(FolderSchema) });
export const CreateFolderBody = Type.Object(
  { name: Text(120), parentId: Type.Optional(Nullable(Uuid)), audience: Type.Optional(AudienceSchema) },
  { additionalProperties: false },
);
/** Rename, move (`parentId`, null for the library's root) or re-target a folder (PATCH): at least one field. */
export const UpdateFolderBody = Type.Object(
  { name: Type.Optional(Text(120)), parentId: Type.Optional(Nullable(Uuid)), audience: Type.Optional(AudienceSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFolderBody = Static<typeof UpdateFolderBody>;

/** Changes to a document's details (PATCH): every field optional. */
export const UpdateDocumentBody = Type.Partial(Type.Object(documentFields), { additionalProperties: false, minProperties: 1 });
export type UpdateDocumentBody = Static<typeof UpdateDocumentBody>;

export const ReviewQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const ReviewList = Paginated(DocumentSchema);

export const VisitSchema = Type.Object({ previousVisitAt: Nullable(Type.String({ format: 'date-time' })) });

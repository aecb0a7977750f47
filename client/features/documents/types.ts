/**
 * Shapes of the documents API, taken from the server's TypeBox schemas (types
 * only: nothing of the server ends up in the bundle). The contract is
 * server/schemas/documents.ts and the OpenAPI document at /api/docs.
 */
import type { Static } from 'typebox';
import type { AudienceBody } from '../../../server/schemas/audience';
import type {
  CreateDocumentMeta, DocumentDetailSchema, DocumentItem, DocumentList as DocumentListSchema, DuplicateSchema, FolderSchema,
  ReviewList as ReviewListSchema, UpdateDocumentBody, UpdateFolderBody, UploadResultSchema, Version, VisitSchema,
} from '../../../server/schemas/documents';

export type { AudienceBody as Audience, CreateDocumentMeta, DocumentItem, UpdateDocumentBody, UpdateFolderBody, Version };
export type DocumentDetail = Static<typeof DocumentDetailSchema>;
export type DocumentList = Static<typeof DocumentListSchema>;
export type ReviewList = Static<typeof ReviewListSchema>;
export type Folder = Static<typeof FolderSchema>;
export type Duplicate = Static<typeof DuplicateSchema>;
export type UploadResult = Static<typeof UploadResultSchema>;
export type Visit = Static<typeof VisitSchema>;
export type Snippet = NonNullable<DocumentItem['snippet']>;
export type CreateFolderBody = { name: string; parentId?: string | null; audience?: AudienceBody };

// Value lists come from common/ (the server's schemas are imported as types only).
export { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../../common/documents';
export type { DocumentKind, DocumentStatus } from '../../../common/documents';

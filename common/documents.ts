/** Value lists of the documents and audience enums: read by pgEnum (db/schema), the TypeBox schemas and the client. */

/** Who may see a piece of content (documents; news and newsletter segments next). */
export const AUDIENCE_KINDS = ['everyone', 'staff', 'partners'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export const DOCUMENT_STATUSES = ['draft', 'published', 'archived'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Text extraction of a version: waiting for the worker, done, nothing to extract (images, archives), or failed. */
export const DOCUMENT_TEXT_STATUSES = ['pending', 'done', 'none', 'failed'] as const;
export type DocumentTextStatus = (typeof DOCUMENT_TEXT_STATUSES)[number];

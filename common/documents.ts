/** Value lists of the documents and audience enums: read by pgEnum (db/schema), the TypeBox schemas and the client. */

/** Who may see a piece of content (documents; news and newsletter segments next). */
export const AUDIENCE_KINDS = ['everyone', 'staff', 'partners'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export const DOCUMENT_STATUSES = ['draft', 'published', 'archived'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Text extraction of a version: waiting for the worker, done, nothing to extract (images, archives), or failed. */
export const DOCUMENT_TEXT_STATUSES = ['pending', 'done', 'none', 'failed'] as const;
export type DocumentTextStatus = (typeof DOCUMENT_TEXT_STATUSES)[number];

/** A partner's proposal (contribution): waiting for staff, approved into the library, or declined with a message. */
export const CONTRIBUTION_STATUSES = ['pending', 'approved', 'declined'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** The version of the usage licence a partner accepts with a proposal (its text is in the client catalogue, key `contributions.licence`). */
export const CONTRIBUTION_LICENCE_VERSION = '2026-11';

/**
 * A proposal's title, and how many files the form sends at once (each its
 * own proposal, numbered « Titre (2/8) »): a gîte's photos fit, and a
 * mistaken selection of a whole folder is stopped before anything is sent.
 */
export const CONTRIBUTION_LIMITS = { title: 200, filesAtOnce: 10 } as const;

/**
 * Kinds of file, as the library's « type » filter offers them, by the media
 * type the server records (server/services/documents/file-types.ts). Patterns
 * in SQL LIKE form: the query filters with them and the interface names a
 * version's kind with them, so the rule is written once.
 */
export const DOCUMENT_KINDS = ['pdf', 'image', 'office', 'archive', 'text'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_MEDIA_TYPES: Record<DocumentKind, readonly string[]> = {
  pdf: ['application/pdf'],
  image: ['image/%'],
  office: ['application/msword', 'application/vnd.%'],
  archive: ['application/zip'],
  text: ['text/%'],
};

export function documentKindOf(mediaType: string): DocumentKind | null {
  const matches = (pattern: string) => (pattern.endsWith('%') ? mediaType.startsWith(pattern.slice(0, -1)) : mediaType === pattern);
  return DOCUMENT_KINDS.find((kind) => DOCUMENT_KIND_MEDIA_TYPES[kind].some(matches)) ?? null;
}

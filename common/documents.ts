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

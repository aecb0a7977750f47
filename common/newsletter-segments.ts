/** Value lists of newsletter segments (read by the table, the api schemas and the client). */
import type { Language } from './accounts';
import { ACCOUNT_LIMITS } from './limits';
import type { TrainingTheme } from './trainings';

/**
 * Who a segment starts from, before its filters narrow it:
 * - partners: partners (people) and establishments' contact addresses;
 * - staff: staff and administrators;
 * - everyone: both.
 * The establishment filters (what and where it is, labels, membership year,
 * figures) narrow `partners` only, as the shared audience rule does
 * (db/queries/audience.ts): they are stored empty for the other two.
 */
export const SEGMENT_PEOPLE = ['everyone', 'partners', 'staff'] as const;
export type SegmentPeople = (typeof SEGMENT_PEOPLE)[number];

/**
 * A training filter: `registered` = a confirmed seat (a registration that
 * holds a seat, past or future, in a session not cancelled); `attended` =
 * marked present. An establishment's contact address matches when someone
 * registered for the establishment did.
 */
export const SEGMENT_TRAINING_MODES = ['registered', 'attended'] as const;
export type SegmentTrainingMode = (typeof SEGMENT_TRAINING_MODES)[number];

/** A sampled recipient: a person's account, or an establishment's contact address. */
export const SEGMENT_RECIPIENT_KINDS = ['person', 'contact'] as const;
export type SegmentRecipientKind = (typeof SEGMENT_RECIPIENT_KINDS)[number];

export const SEGMENT_LIMITS = {
  name: 120,
  categories: 20,
  subcategories: 60,
  communes: 100,
  communautes: 10,
  offices: 20,
  labels: 30,
  membershipYears: 30,
  themes: 10,
  yearMin: ACCOUNT_LIMITS.yearMin,
  yearMax: ACCOUNT_LIMITS.yearMax,
  /** Recipients shown before sending (admins only, addresses masked). */
  sampleSize: 10,
  /** Saved segments listed on one page (a tourist office keeps a few dozen). */
  maxSegments: 500,
} as const;

/** The editor re-counts this long after the last change of a filter. */
export const SEGMENT_PREVIEW_DEBOUNCE_MS = 400;

/**
 * A segment's filter (the typed JSON stored in newsletter_segments.filter,
 * validated by SegmentFilterSchema in server/schemas/newsletter-segments.ts).
 * Within one list values combine with OR, and the lists with AND, except
 * "what" (categories OR sub-categories) and "where" (communes OR communautés
 * OR offices), read as the shared audience rule reads them. An empty list, a
 * null training or a false flag does not narrow.
 */
export interface SegmentFilter {
  people: SegmentPeople;
  categories: string[];
  subcategories: string[];
  /** INSEE codes. */
  communes: string[];
  communautes: string[];
  offices: string[];
  labels: string[];
  membershipYears: number[];
  languages: Language[];
  training: { mode: SegmentTrainingMode; themes: TrainingTheme[]; from: string | null; to: string | null } | null;
  figuresMissingLastMonth: boolean;
}

/** An empty filter (everyone, no narrowing): the editor's starting point. */
export const EMPTY_SEGMENT_FILTER: SegmentFilter = {
  people: 'everyone', categories: [], subcategories: [], communes: [], communautes: [], offices: [], labels: [],
  membershipYears: [], languages: [], training: null, figuresMissingLastMonth: false,
};

/** Establishment filters narrow partners only: stored empty otherwise, so a segment never says more than it does. */
export function normalisedFilter(f: SegmentFilter): SegmentFilter {
  if (f.people === 'partners') return f;
  return { ...f, categories: [], subcategories: [], communes: [], communautes: [], offices: [], labels: [], membershipYears: [], figuresMissingLastMonth: false };
}

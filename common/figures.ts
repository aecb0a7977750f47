import { MONTH_PATTERN, TIME_ZONE } from './format';
/**
 * Partners' monthly figures (issue 13): what each kind of establishment gives,
 * the rules a month's figures obey, and the statistical-secrecy thresholds.
 * Read by the table, the TypeBox schemas, the worker and the client form.
 */

/** Which figures an establishment gives, from its category (common/ value lists of the territory data). */
export const FIGURES_KINDS = ['accommodation', 'visitors'] as const;
export type FiguresKind = (typeof FIGURES_KINDS)[number];

/** Categories that give figures, and which kind. Restaurants, producers, shops and event organisers give none. */
export const FIGURES_CATEGORY_KIND = {
  hebergement: 'accommodation',
  activites_pleine_nature: 'visitors',
  sites_musees: 'visitors',
} as const satisfies Record<string, FiguresKind>;
export type FiguresCategory = keyof typeof FIGURES_CATEGORY_KIND;
export const FIGURES_CATEGORIES = Object.keys(FIGURES_CATEGORY_KIND) as FiguresCategory[];

export function figuresKindOf(category: string): FiguresKind | null {
  return (FIGURES_CATEGORY_KIND as Record<string, FiguresKind>)[category] ?? null;
}

/** What « capacity » counts for an accommodation sub-category; nights sold count the same unit (room-nights, pitch-nights, bed-nights). */
export const CAPACITY_UNITS = ['rooms', 'pitches', 'beds'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];
const UNIT_OF_SUBCATEGORY: Record<string, CapacityUnit> = {
  hotel: 'rooms', chambre_hotes: 'rooms', camping: 'pitches', aire_camping_car: 'pitches',
  gite: 'beds', gite_etape: 'beds', village_vacances: 'beds', insolite: 'beds',
};
export function capacityUnitOf(subcategory: string | null): CapacityUnit {
  return (subcategory && UNIT_OF_SUBCATEGORY[subcategory]) || 'beds';
}

/** Main countries of foreign guests asked for (ISO 3166-1 alpha-2), in the form's order; the rest is « autres pays ». */
export const FOREIGN_COUNTRIES = ['GB', 'NL', 'BE', 'DE', 'CH', 'ES', 'IT', 'US'] as const;
export type ForeignCountry = (typeof FOREIGN_COUNTRIES)[number];

export const FIGURES_LIMITS = {
  capacityMax: 5_000,
  /** Visitors or participants of one month (the Grotte des Demoiselles has ~100,000 a year). */
  visitorsMax: 1_000_000,
  arrivalsMax: 1_000_000,
  averagePriceMaxCents: 10_000_000,
  /** How far back a partner may give or correct a month (the bench seeds 60 months). */
  monthsBack: 60,
  comment: 4_000,
  /** Submissions list page size. */
  pageSize: 50,
} as const;

/**
 * INSEE's rule for business data: a figure built from partners' data is
 * published only when at least 3 establishments contribute and no single one
 * makes more than 85 % of it.
 */
export const SECRECY = { minContributors: 3, maxShare: 0.85 } as const;

/** A month as 'YYYY-MM'. */
export { MONTH_PATTERN };
export const isMonth = (s: string) => new RegExp(MONTH_PATTERN).test(s);

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The month `n` months after (negative: before) `month`. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The current month in the office's time zone (its calendar). */
export function currentMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}`;
}

/** A month's figures as a partner gives them (absent fields: not given). */
export interface FiguresInput {
  capacity?: number | null;
  nightsSold?: number | null;
  /** Instead of nights sold: the occupancy rate in % (nights sold = rate × capacity × days). */
  occupancyRate?: number | null;
  arrivals?: number | null;
  /** Share of foreign guests in % of arrivals, and by main country. */
  foreignShare?: number | null;
  countries?: Partial<Record<ForeignCountry, number>>;
  visitors?: number | null;
  averagePriceCents?: number | null;
}

export type FiguresProblem =
  | 'monthInFuture' | 'monthTooOld' | 'capacityRequired' | 'nightsRequired' | 'nightsOverCapacity' | 'bothNightsAndRate'
  | 'countriesOverForeign' | 'countriesWithoutForeign' | 'visitorsRequired' | 'notForKind';

/**
 * Rules of one month's figures beyond each field's bounds (checked by the
 * schema): the server answers them as field errors; the client form shows
 * the same ones while typing. Returns the problems with the field at fault.
 */
export function figuresProblems(kind: FiguresKind, month: string, input: FiguresInput, now: Date = new Date()): { field: string; problem: FiguresProblem }[] {
  const out: { field: string; problem: FiguresProblem }[] = [];
  const current = currentMonth(now);
  if (month > current) out.push({ field: 'month', problem: 'monthInFuture' });
  else if (month < addMonths(current, -FIGURES_LIMITS.monthsBack)) out.push({ field: 'month', problem: 'monthTooOld' });
  if (kind === 'visitors') {
    if (input.visitors == null) out.push({ field: 'visitors', problem: 'visitorsRequired' });
    for (const f of ['capacity', 'nightsSold', 'occupancyRate', 'arrivals', 'foreignShare'] as const) {
      if (input[f] != null) out.push({ field: f, problem: 'notForKind' });
    }
    return out;
  }
  if (input.visitors != null) out.push({ field: 'visitors', problem: 'notForKind' });
  if (input.capacity == null) out.push({ field: 'capacity', problem: 'capacityRequired' });
  if (input.nightsSold != null && input.occupancyRate != null) out.push({ field: 'occupancyRate', problem: 'bothNightsAndRate' });
  else if (input.nightsSold == null && input.occupancyRate == null) out.push({ field: 'nightsSold', problem: 'nightsRequired' });
  const nights = resolvedNights(month, input);
  if (input.capacity != null && nights != null && nights > input.capacity * daysInMonth(month)) {
    out.push({ field: input.nightsSold != null ? 'nightsSold' : 'occupancyRate', problem: 'nightsOverCapacity' });
  }
  const countries = Object.values(input.countries ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);
  if (countries > 0 && input.foreignShare == null) out.push({ field: 'foreignShare', problem: 'countriesWithoutForeign' });
  else if (input.foreignShare != null && countries > input.foreignShare + 1e-9) out.push({ field: 'countries', problem: 'countriesOverForeign' });
  return out;
}

/** Nights sold, given or derived from the occupancy rate (rounded to a whole night). */
export function resolvedNights(month: string, input: Pick<FiguresInput, 'capacity' | 'nightsSold' | 'occupancyRate'>): number | null {
  if (input.nightsSold != null) return input.nightsSold;
  if (input.occupancyRate != null && input.capacity != null) return Math.round((input.occupancyRate / 100) * input.capacity * daysInMonth(month));
  return null;
}

/** Where a partner's figures are compared: same category over the territory, same category in the same communauté, or all of its kind. */
export const COMPARISON_SCOPES = ['category', 'communaute', 'territory'] as const;
export type ComparisonScope = (typeof COMPARISON_SCOPES)[number];

/** The measure compared for each kind: occupancy rate (%) for accommodation, visitors for the others. */
export const KIND_MEASURE = { accommodation: 'occupancy', visitors: 'visitors' } as const satisfies Record<FiguresKind, string>;

/** Submissions list filter. */
export const SUBMISSION_STATUSES = ['all', 'submitted', 'missing'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The « all » marker of the rollup's category and communauté columns. */
export const ALL = '*';

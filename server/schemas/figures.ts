import { Type, type Static } from 'typebox';
import { MULTILINE, OneOf, Uuid, YearMonth } from './common';
import {
  CAPACITY_UNITS, COMPARISON_SCOPES, FIGURES_KINDS, FIGURES_LIMITS as L, FOREIGN_COUNTRIES, SUBMISSION_STATUSES,
} from '../../common/figures';

const Month = YearMonth;
const Percent = Type.Number({ minimum: 0, maximum: 100 });
const Count = (max: number) => Type.Integer({ minimum: 0, maximum: max });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Countries = Type.Object(
  Object.fromEntries(FOREIGN_COUNTRIES.map((c) => [c, Type.Optional(Percent)])) as Record<(typeof FOREIGN_COUNTRIES)[number], ReturnType<typeof Type.Optional<typeof Percent>>>,
  { additionalProperties: false },
);

export const MonthParams = Type.Object({ month: Month }, { additionalProperties: false });
export const RangeQuery = Type.Object({ from: Type.Optional(Month), to: Type.Optional(Month) }, { additionalProperties: false });

/** A month's figures as a partner gives them: accommodation or visitors fields (common/figures.ts figuresProblems checks which apply). */
export const FiguresBody = Type.Object(
  {
    capacity: Type.Optional(Nullable(Count(L.capacityMax))),
    nightsSold: Type.Optional(Nullable(Count(L.capacityMax * 31))),
    occupancyRate: Type.Optional(Nullable(Percent)),
    arrivals: Type.Optional(Nullable(Count(L.arrivalsMax))),
    foreignShare: Type.Optional(Nullable(Percent)),
    countries: Type.Optional(Countries),
    visitors: Type.Optional(Nullable(Count(L.visitorsMax))),
    averagePriceCents: Type.Optional(Nullable(Count(L.averagePriceMaxCents))),
  },
  { additionalProperties: false },
);
export type FiguresBody = Static<typeof FiguresBody>;

export const FiguresMonth = Type.Object({
  month: Month,
  capacity: Nullable(Type.Integer()),
  nightsSold: Nullable(Type.Integer()),
  occupancyRate: Nullable(Type.Number()),
  arrivals: Nullable(Type.Integer()),
  foreignShare: Nullable(Type.Number()),
  countries: Type.Record(Type.String(), Type.Number()),
  visitors: Nullable(Type.Integer()),
  averagePriceCents: Nullable(Type.Integer()),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type FiguresMonth = Static<typeof FiguresMonth>;

export const MyFigures = Type.Object({
  establishment: Type.Object({ id: Uuid, name: Type.String(), category: Type.String(), kind: OneOf(FIGURES_KINDS), capacityUnit: OneOf(CAPACITY_UNITS) }),
  from: Month,
  to: Month,
  months: Type.Array(FiguresMonth),
});
export type MyFigures = Static<typeof MyFigures>;

export const ComparisonQuery = Type.Object(
  { scope: Type.Optional(OneOf(COMPARISON_SCOPES)), from: Type.Optional(Month), to: Type.Optional(Month) },
  { additionalProperties: false },
);

/** One month of a partner's comparison: their own measure and their peers' quartiles, or « secret statistique ». */
const ComparisonPoint = Type.Object({
  month: Month,
  mine: Nullable(Type.Number()),
  secret: Type.Boolean(),
  contributors: Nullable(Type.Integer()),
  q1: Nullable(Type.Number()),
  median: Nullable(Type.Number()),
  q3: Nullable(Type.Number()),
});
export const Comparison = Type.Object({
  scope: OneOf(COMPARISON_SCOPES),
  measure: Type.Union([Type.Literal('occupancy'), Type.Literal('visitors')]),
  points: Type.Array(ComparisonPoint),
});
export type Comparison = Static<typeof Comparison>;

export const AggregatesQuery = Type.Object(
  { kind: Type.Optional(OneOf(FIGURES_KINDS)), from: Type.Optional(Month), to: Type.Optional(Month) },
  { additionalProperties: false },
);

/** A rollup row as staff see it, with whether partners would see it (the secrecy rule). */
export const AggregateRow = Type.Object({
  month: Month,
  category: Type.String(),
  communauteId: Type.String(),
  /** The communauté's name (fr), null on the rows of every communauté (`*`). */
  communauteName: Nullable(Type.String()),
  contributors: Type.Integer(),
  nightsSold: Type.Integer(),
  occupancyRate: Nullable(Type.Number()),
  arrivals: Type.Integer(),
  foreignShare: Nullable(Type.Number()),
  countryShares: Type.Record(Type.String(), Type.Number()),
  visitors: Type.Integer(),
  q1: Nullable(Type.Number()),
  median: Nullable(Type.Number()),
  q3: Nullable(Type.Number()),
  shownToPartners: Type.Boolean(),
});
export const Aggregates = Type.Object({ kind: OneOf(FIGURES_KINDS), from: Month, to: Month, rows: Type.Array(AggregateRow) });
export type Aggregates = Static<typeof Aggregates>;
export type AggregateRow = Static<typeof AggregateRow>;

export const SubmissionsQuery = Type.Object(
  {
    month: Type.Optional(Month),
    status: Type.Optional(OneOf(SUBMISSION_STATUSES)),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z_]+$' })),
    communauteId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);
export const Submissions = Type.Object({
  month: Month,
  submitted: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(Type.Object({
    id: Uuid, name: Type.String(), category: Type.String(), communeName: Type.String(), communauteId: Type.String(),
    submittedAt: Nullable(Type.String({ format: 'date-time' })), remindedAt: Nullable(Type.String({ format: 'date-time' })),
  })),
});
export type Submissions = Static<typeof Submissions>;

/** The partner-safe table of one kind for one month (Observatoire): null cells are « secret statistique ». */
const SecretTable = Type.Object({
  kind: OneOf(FIGURES_KINDS),
  measure: Type.Union([Type.Literal('nightsSold'), Type.Literal('visitors')]),
  categories: Type.Array(Type.String()),
  communautes: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  cells: Type.Array(Type.Array(Nullable(Type.Number()))),
  rowTotals: Type.Array(Nullable(Type.Number())),
  colTotals: Type.Array(Nullable(Type.Number())),
  grandTotal: Nullable(Type.Number()),
  /** Territory-wide median and quartiles of the compared measure, or null under secrecy. */
  quartiles: Nullable(Type.Object({ q1: Type.Number(), median: Type.Number(), q3: Type.Number() })),
});
export const EditionData = Type.Object({ month: Month, tables: Type.Array(SecretTable) });
export type EditionData = Static<typeof EditionData>;
export type SecretTable = Static<typeof SecretTable>;

const editionFields = {
  id: Uuid, month: Month, comment: Type.String(), publishedAt: Type.String({ format: 'date-time' }), publishedBy: Nullable(Type.String()),
};
export const EditionSummary = Type.Object(editionFields);
export const EditionList = Type.Object({ items: Type.Array(EditionSummary) });
export const Edition = Type.Object({ ...editionFields, data: EditionData });
export type Edition = Static<typeof Edition>;
export type EditionSummary = Static<typeof EditionSummary>;

export const PublishBody = Type.Object(
  { month: Month, comment: Type.String({ minLength: 1, maxLength: L.comment, ...MULTILINE }) },
  { additionalProperties: false },
);
export const PreviewQuery = Type.Object({ month: Month }, { additionalProperties: false });

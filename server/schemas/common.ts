import { MONTH_PATTERN } from '../../common/format';
import { Type, type TLiteral, type TSchema, type TUnion } from 'typebox';

/** RFC 9457 problem details, as every error response of the API. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  instance: Type.Optional(Type.String()),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

/** 202/204 answers carry no body. */
export const NoContent = Type.Unsafe<void>({ type: 'null', description: 'Pas de contenu' });

/** Standard error responses to spread into a route's `response` schema. */
export const problemResponses = {
  400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 429: ProblemSchema,
};

/** One of a value list of common/ (an enum written once), as a union of literals. */
type Literals<A> = A extends readonly [infer H extends string, ...infer R] ? [TLiteral<H>, ...Literals<R>] : [];
export const OneOf = <const A extends readonly string[]>(values: A): TUnion<Literals<A>> => Type.Union(values.map((v) => Type.Literal(v))) as never;

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/**
 * Every string of every route refuses control characters, bidirectional
 * overrides and (when required) text made only of invisible characters
 * (server/lib/validators.ts). Spread this into a string that may hold
 * several lines (descriptions, notes, comments) to allow line breaks and tabs.
 */
export const MULTILINE = { text: 'multiline' } as const;

/** Free text from users: trimmed length limits; HTML is never rendered from it. */
export const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const Paginated = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

/** An instant in ISO 8601 (2026-03-31T21:30:00.000Z), as bodies carry it. */
export const DateTime = Type.String({ format: 'date-time', maxLength: 40 });

/** A calendar month AAAA-MM. */
export const YearMonth = Type.String({ pattern: MONTH_PATTERN, minLength: 7, maxLength: 7, description: 'Mois AAAA-MM' });

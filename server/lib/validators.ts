import { Ajv, type AnySchemaObject, type Options, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

// ajv-formats ships CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv) => Ajv;

const common: Options = { removeAdditional: false, useDefaults: true, strict: false };

/** At most this many field messages in a 400. */
export const MAX_VALIDATION_ERRORS = 10;
/** Input of at most this many values (object properties, array items) is checked again for every error. */
const SMALL_INPUT = 500;

/**
 * Two validators: query strings and path parameters arrive as text, so they
 * are coerced ("2" -> 2); JSON bodies are not, so a wrong type is refused
 * with a 400 instead of being silently converted.
 *
 * Each exists twice. Validation first stops at the first error (ajv
 * `allErrors: false`): with all errors collected, a body of 90,000 bad array
 * items took 1.4 s and answered 5.7 MB. Only a small input (a form) that
 * failed is checked again for all its errors, so that a form shows every
 * wrong field at once; at most MAX_VALIDATION_ERRORS are answered.
 */
const coercing = { first: withFormats(new Ajv({ ...common, coerceTypes: 'array', allErrors: false })), all: withFormats(new Ajv({ ...common, coerceTypes: 'array', allErrors: true })) };
const strict = { first: withFormats(new Ajv({ ...common, coerceTypes: false, allErrors: false })), all: withFormats(new Ajv({ ...common, coerceTypes: false, allErrors: true })) };

function withFormats(ajv: Ajv): Ajv {
  addFormats(ajv);
  // Log-in accepts any address with an @: the default first administrator is admin@localhost, which `email` refuses.
  ajv.addFormat('login-email', /^[^\s@]+@[^\s@]+$/);
  ajv.addKeyword({ keyword: 'text', type: 'string', schemaType: 'string', errors: true, validate: checkText });
  return ajv;
}

/**
 * What a text field may hold. `line` (the default of every string of every
 * route, see `withTextRule`): no control character at all; `multiline`
 * (descriptions, notes, comments): line breaks and tabs too.
 */
export type TextKind = 'line' | 'multiline';
export type TextRefusal = 'control' | 'lineBreak' | 'bidi' | 'invisible' | 'malformed';

// C0 controls, DEL, C1 controls; U+2028/2029 break lines too.
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const LINE_BREAK = /[\n\r\t\u2028\u2029]/u;
// With the u flag, a surrogate matches only when it is not half of a pair (JSON can carry "\ud800" alone).
const LONE_SURROGATE = /[\ud800-\udfff]/u;
// Bidirectional embeddings, overrides and isolates: they reorder what is displayed ("Trojan Source").
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
// Characters that show nothing: spaces, zero-width and other default-ignorable code points, the Braille blank.
const INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]*$/u;

/** Why a text is refused, or null. A required text (minLength >= 1) must also show at least one character. */
export function textRefusal(value: string, kind: TextKind, required: boolean): TextRefusal | null {
  if (LONE_SURROGATE.test(value)) return 'malformed';
  if ((kind === 'line' ? CONTROL_LINE : CONTROL_MULTILINE).test(value)) {
    return kind === 'line' && LINE_BREAK.test(value) && !CONTROL_MULTILINE.test(value) ? 'lineBreak' : 'control';
  }
  if (BIDI.test(value)) return 'bidi';
  if (required && INVISIBLE.test(value)) return 'invisible';
  return null;
}

function checkText(kind: TextKind, data: string, parentSchema?: AnySchemaObject): boolean {
  const reason = textRefusal(data, kind, Number(parentSchema?.minLength ?? 0) >= 1);
  if (!reason) return true;
  (checkText as unknown as { errors: unknown[] }).errors = [{ keyword: 'text', message: reason, params: { reason } }];
  return false;
}

const NOT_SCHEMAS = new Set(['enum', 'const', 'default', 'examples', 'required']);

/** A copy of a schema in which every string without its own `text` keyword gets `text: 'line'`. */
export function withTextRule(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withTextRule);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = NOT_SCHEMAS.has(key) ? value : withTextRule(value);
  const types = ([] as unknown[]).concat(copy.type ?? []);
  if (types.includes('string') && copy.text === undefined) copy.text = 'line';
  return copy;
}

/** Whether a JSON value holds at most `limit` values, counted without walking past the limit. */
export function isSmall(value: unknown, limit = SMALL_INPUT): boolean {
  let budget = limit;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (--budget < 0) return false;
    if (Array.isArray(v)) {
      if (v.length > budget) return false;
      stack.push(...v);
    } else if (v && typeof v === 'object') {
      const values = Object.values(v);
      if (values.length > budget) return false;
      stack.push(...values);
    }
  }
  return true;
}

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) => {
  const pair = httpPart === 'body' ? strict : coercing;
  const checked = withTextRule(schema) as object;
  const first = pair.first.compile(checked);
  let all: ValidateFunction | null = null;
  const validate = ((data: unknown) => {
    if (first(data)) {
      validate.errors = null;
      return true;
    }
    let errors = first.errors ?? [];
    if (isSmall(data)) {
      all ??= pair.all.compile(checked);
      all(data);
      errors = all.errors ?? errors;
    }
    validate.errors = errors.slice(0, MAX_VALIDATION_ERRORS);
    return false;
  }) as ValidateFunction;
  return validate as unknown as ReturnType<FastifySchemaCompiler<FastifySchema>>;
};

import { Ajv, type Options, type ValidateFunction } from 'ajv';
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
  return ajv;
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
  const first = pair.first.compile(schema as object);
  let all: ValidateFunction | null = null;
  const validate = ((data: unknown) => {
    if (first(data)) {
      validate.errors = null;
      return true;
    }
    let errors = first.errors ?? [];
    if (isSmall(data)) {
      all ??= pair.all.compile(schema as object);
      all(data);
      errors = all.errors ?? errors;
    }
    validate.errors = errors.slice(0, MAX_VALIDATION_ERRORS);
    return false;
  }) as ValidateFunction;
  return validate as unknown as ReturnType<FastifySchemaCompiler<FastifySchema>>;
};

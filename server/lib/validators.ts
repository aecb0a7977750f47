import { Ajv, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

// ajv-formats ships CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv) => Ajv;

const common: Options = { removeAdditional: false, allErrors: true, useDefaults: true, strict: false };

/**
 * Two validators: query strings and path parameters arrive as text, so they
 * are coerced ("2" -> 2); JSON bodies are not, so a wrong type is refused
 * with a 400 instead of being silently converted.
 */
const coercing = withFormats(new Ajv({ ...common, coerceTypes: 'array' }));
const strict = withFormats(new Ajv({ ...common, coerceTypes: false }));

function withFormats(ajv: Ajv): Ajv {
  addFormats(ajv);
  // Log-in accepts any address with an @: the default first administrator is admin@localhost, which `email` refuses.
  ajv.addFormat('login-email', /^[^\s@]+@[^\s@]+$/);
  return ajv;
}

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object) as ReturnType<FastifySchemaCompiler<FastifySchema>>;

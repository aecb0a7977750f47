import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TestContext } from './app';

/**
 * The api as a whole, read from the running app (never from a hand-kept list),
 * for rules that every route must follow: every registered route, and every
 * JSON body schema as published in the OpenAPI document (which @fastify/swagger
 * builds from the routes' own schemas through an onRoute hook).
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  patternProperties?: Record<string, JsonSchema>;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  [key: string]: unknown;
};

export interface BodyRoute {
  method: string;
  /** The route as registered in Fastify ('/api/trainings/:id'). */
  route: string;
  /** The same path as written in the OpenAPI document ('/api/trainings/{id}'). */
  openapiPath: string;
  body: JsonSchema;
  /** Schemas of the path parameters, by name. */
  params: Record<string, JsonSchema>;
}

type OpenApiDoc = {
  paths: Record<string, Record<string, {
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    parameters?: { in: string; name: string; schema?: JsonSchema }[];
  }>>;
};

const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Every route of a printed Fastify route tree (`printRoutes({ commonPrefix: false })`) as "METHOD /path", HEAD twins of GET left out. */
export function routesOfTree(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return [...new Set(routes)].sort();
}

/** Every route of the app as "METHOD /path" (HEAD twins of GET left out), read from Fastify's route tree. */
export function registeredRoutes(app: TestContext['app']): string[] {
  return routesOfTree(app.printRoutes({ commonPrefix: false }));
}

/** Registered /api routes whose method may carry a body (POST, PUT, PATCH, DELETE). */
export function mutatingApiRoutes(app: TestContext['app']): string[] {
  return registeredRoutes(app).filter((r) => {
    const [method, path] = r.split(' ') as [string, string];
    return BODY_METHODS.includes(method) && path.startsWith('/api/');
  });
}

const toFastifyPath = (p: string) => p.replace(/\{([^}]+)\}/g, ':$1');

/** Every operation of the OpenAPI document as "METHOD /route" (Fastify spelling). */
export function documentedRoutes(app: TestContext['app']): string[] {
  const doc = app.swagger() as unknown as OpenApiDoc;
  return Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${toFastifyPath(p)}`)).sort();
}

/** Every route that declares a body schema, with that schema. */
export function bodyRoutes(app: TestContext['app']): BodyRoute[] {
  const doc = app.swagger() as unknown as OpenApiDoc;
  const out: BodyRoute[] = [];
  for (const [openapiPath, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content;
      if (!content) continue;
      const schemas = Object.values(content).map((c) => c.schema).filter((s): s is JsonSchema => !!s);
      if (!schemas.length) continue;
      const params = Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema ?? {}]));
      out.push({ method: method.toUpperCase(), route: toFastifyPath(openapiPath), openapiPath, body: schemas[0]!, params });
    }
  }
  return out.sort((a, b) => `${a.method} ${a.route}`.localeCompare(`${b.method} ${b.route}`));
}

/** The OpenAPI 3.0 spelling of `{ type: 'null' }` is `{ type: 'object', nullable: true, enum: [null] }`: not an object. */
const isNullOnly = (s: JsonSchema) => Array.isArray(s.enum) && s.enum.every((v) => v === null);
const isObjectSchema = (s: JsonSchema) =>
  !isNullOnly(s) && (s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object')) || s.properties !== undefined);

/** Child schemas of a schema, each with the JSON path it validates ('' = same value). */
function children(s: JsonSchema): { schema: JsonSchema; path: string }[] {
  const out: { schema: JsonSchema; path: string }[] = [];
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push({ schema: v, path: `.${k}` });
  for (const [k, v] of Object.entries(s.patternProperties ?? {})) out.push({ schema: v, path: `[${k}]` });
  if (s.additionalProperties && typeof s.additionalProperties === 'object') out.push({ schema: s.additionalProperties, path: '[*]' });
  if (Array.isArray(s.items)) s.items.forEach((v, i) => out.push({ schema: v, path: `[${i}]` }));
  else if (s.items) out.push({ schema: s.items, path: '[]' });
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) (s[key] ?? []).forEach((v, i) => out.push({ schema: v, path: `<${key}${i}>` }));
  return out;
}

/** JSON paths of the object schemas (at any depth) that would accept a property they do not declare. */
export function lenientObjects(schema: JsonSchema, path = 'body'): string[] {
  const here = isObjectSchema(schema) && schema.additionalProperties !== false ? [path] : [];
  return [...here, ...children(schema).flatMap((c) => lenientObjects(c.schema, path + c.path))];
}

/** JSON paths of the properties holding rich text (HTML): by convention named `…Html`. */
export function richTextFields(schema: JsonSchema, path = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    const p = path ? `${path}.${k}` : k;
    if (/html$/i.test(k)) out.push(p);
    out.push(...richTextFields(v, p));
  }
  if (schema.items && !Array.isArray(schema.items)) out.push(...richTextFields(schema.items, `${path}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const v of schema[key] ?? []) out.push(...richTextFields(v, path));
  return [...new Set(out)];
}

/** The one object branch of a nullable union (anyOf [object, null]), or the schema itself. */
function objectBranch(s: JsonSchema): JsonSchema | null {
  if (isObjectSchema(s)) return s;
  const branches = (s.anyOf ?? s.oneOf ?? []).filter(isObjectSchema);
  return branches.length === 1 ? branches[0]! : null;
}

export const UNKNOWN_FIELD = 'zzNotInTheSchema';

/**
 * A body with a field no schema declares in every object the schema
 * describes (top level, nested objects, objects inside arrays), merged into
 * `base` where given, and the field paths the api must name as unknown.
 */
export function unknownFieldProbe(schema: JsonSchema, base: unknown = undefined, path = ''): { body: Record<string, unknown>; fields: string[] } {
  const body: Record<string, unknown> = { ...(base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {}), [UNKNOWN_FIELD]: true };
  const fields = [`${path}${UNKNOWN_FIELD}`];
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    const obj = objectBranch(v);
    const baseChild = (base as Record<string, unknown> | undefined)?.[k];
    if (obj) {
      const inner = unknownFieldProbe(obj, baseChild, `${path}${k}.`);
      body[k] = inner.body;
      fields.push(...inner.fields);
      continue;
    }
    const items = v.type === 'array' && v.items && !Array.isArray(v.items) ? objectBranch(v.items) : null;
    if (items) {
      const inner = unknownFieldProbe(items, Array.isArray(baseChild) ? baseChild[0] : undefined, `${path}${k}.0.`);
      body[k] = [inner.body, ...(Array.isArray(baseChild) ? baseChild.slice(1) : [])];
      fields.push(...inner.fields);
    }
  }
  return { body, fields };
}

/** A value the path parameter's schema accepts (a random UUID, a link token, an office id...). */
export function paramValue(schema: JsonSchema): string {
  if (schema.type === 'integer') return String(schema.minimum ?? 1);
  const candidates = [randomUUID(), 'A'.repeat(43), 'bit-le-vigan', `${'A'.repeat(43)}.ics`, '2026-05'];
  const fits = (v: string) =>
    (schema.format !== 'uuid' || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))
    && (!schema.pattern || new RegExp(schema.pattern).test(v))
    && (schema.minLength === undefined || v.length >= schema.minLength)
    && (schema.maxLength === undefined || v.length <= schema.maxLength);
  const found = candidates.find(fits);
  if (!found) throw new Error(`no sample value for parameter schema ${JSON.stringify(schema)}`);
  return found;
}

/** The concrete URL of a body route with sample path parameters (or the given ones). */
export function sampleUrl(r: BodyRoute, given: Record<string, string> = {}): string {
  return r.route.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => given[name] ?? paramValue(r.params[name] ?? {}));
}

/**
 * A fingerprint of every table's content (row count and a hash of all rows):
 * equal before and after means the requests in between changed nothing stored.
 */
export async function databaseFingerprint(ctx: Pick<TestContext, 'db'>): Promise<Record<string, string>> {
  const tables = (await ctx.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`)) as unknown as { tablename: string }[];
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = (await ctx.db.execute(sql`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as f from ${sql.identifier(tablename)} t`)) as unknown as { f: string }[];
    out[tablename] = row!.f;
  }
  return out;
}

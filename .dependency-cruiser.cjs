/**
 * The layer rules of the code base (README "Layout", DESIGN.md section 2),
 * checked by `npm run lint:deps` at the start of `npm test`:
 *
 *   client  --(types only)-->  server/schemas;  client --> common
 *   server  --> db, emails, workers/jobs (enqueue only), common
 *   workers --> db, emails, storage, common
 *   server  --> storage (uploaded files: local disk or S3)
 *   db, emails, storage --> common
 *   common  --> nothing of the app
 *
 * server/main.ts is the one entry point: it composes the api and worker roles,
 * so it alone may start the workers (workers/main.ts). No import cycles.
 */
const app = '^(client|server|workers|db|emails|storage|common|tests|bench)/';

/** A forbidden dependency: any import matching `from` -> `to` fails `npm test`. */
const forbid = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid('no-circular', 'Import cycles (type-only ones too): a module must not need, even indirectly, the module that needs it.',
      {}, { circular: true }),
    forbid('common-is-pure', 'common/ is pure code shared by every layer: it imports nothing of the app.',
      { path: '^common/' }, { path: app, pathNot: '^common/' }),
    forbid('db-emails-below-server-and-workers', 'db/ and emails/ are used by the api and the workers, and import only each other and common/.',
      { path: '^(db|emails)/' }, { path: '^(server|workers|client|storage|tests|bench)/' }),
    forbid('storage-is-infrastructure', 'storage/ (uploaded files) is used by the api and the workers and imports only common/.',
      { path: '^storage/' }, { path: app, pathNot: '^(storage|common)/' }),
    forbid('workers-never-import-server', 'workers/ run in their own process: db, emails and common only (config, link tokens... live in common/).',
      { path: '^workers/' }, { path: '^(server|client|tests|bench)/' }),
    forbid('server-enqueues-only', 'The api only enqueues jobs (workers/jobs.ts); only the entry point server/main.ts starts workers.',
      { path: '^server/', pathNot: '^server/main\\.ts$' }, { path: '^workers/', pathNot: '^workers/jobs\\.ts$' }),
    forbid('server-not-client-tests', 'The api does not import the client, the tests or the benchmarks.',
      { path: '^server/' }, { path: '^(client|tests|bench)/' }),
    forbid('client-types-only-from-server-schemas', 'The client bundle takes only types from the server (import type ... from server/schemas); values come from common/.',
      { path: '^client/' }, { path: '^server/schemas/', dependencyTypesNot: ['type-only'] }),
    forbid('client-not-other-layers', 'The client imports from server/schemas (types only) and common/, nothing else of the other layers.',
      { path: '^client/' }, { path: '^(server|workers|db|emails|storage|tests|bench)/', pathNot: '^server/schemas/' }),
    forbid('not-to-unresolvable', 'An import that resolves to nothing.', {}, { couldNotResolve: true }),
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^node_modules', '^dist/'] },
    // Read TypeScript before compilation, so that `import type` counts and is labelled 'type-only'.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};

/**
 * The layer rules of the code base (README "Layout", DESIGN.md section 2),
 * checked by `npm run lint:deps` at the start of `npm test`:
 *
 *   client  --(types only)-->  server/schemas;  client --> common
 *   server  --> db, emails, workers/jobs (enqueue only), common
 *   workers --> db, emails, common
 *   db, emails --> common
 *   common  --> nothing of the app
 *
 * server/main.ts is the one entry point: it composes the api and worker roles,
 * so it alone may start the workers (workers/main.ts). No import cycles.
 */
const app = '^(client|server|workers|db|emails|common|tests|bench)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles (type-only ones too): a module must not need, even indirectly, the module that needs it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'common-is-pure',
      severity: 'error',
      comment: 'common/ is pure code shared by every layer: it imports nothing of the app.',
      from: { path: '^common/' },
      to: { path: app, pathNot: '^common/' },
    },
    {
      name: 'db-emails-below-server-and-workers',
      severity: 'error',
      comment: 'db/ and emails/ are used by the api and the workers, and import only each other and common/.',
      from: { path: '^(db|emails)/' },
      to: { path: '^(server|workers|client|tests|bench)/' },
    },
    {
      name: 'workers-never-import-server',
      severity: 'error',
      comment: 'workers/ run in their own process: db, emails and common only (config, link tokens... live in common/).',
      from: { path: '^workers/' },
      to: { path: '^(server|client|tests|bench)/' },
    },
    {
      name: 'server-enqueues-only',
      severity: 'error',
      comment: 'The api only enqueues jobs (workers/jobs.ts); only the entry point server/main.ts starts workers.',
      from: { path: '^server/', pathNot: '^server/main\\.ts$' },
      to: { path: '^workers/', pathNot: '^workers/jobs\\.ts$' },
    },
    {
      name: 'server-not-client-tests',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(client|tests|bench)/' },
    },
    {
      name: 'client-types-only-from-server-schemas',
      severity: 'error',
      comment: 'The client bundle takes only types from the server (import type ... from server/schemas); values come from common/.',
      from: { path: '^client/' },
      to: { path: '^server/schemas/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'client-not-other-layers',
      severity: 'error',
      comment: 'The client imports from server/schemas (types only) and common/, nothing else of the other layers.',
      from: { path: '^client/' },
      to: { path: '^(server|workers|db|emails|tests|bench)/', pathNot: '^server/schemas/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
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

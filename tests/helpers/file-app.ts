import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestContext } from './app';

/**
 * Registers the hooks that give a test file its app: made before its tests, closed after them.
 * The fields of the returned context can be read once the tests run: `const ctx = testAppOfFile();`.
 */
export function testAppOfFile(...args: Parameters<typeof createTestApp>): TestContext {
  let live: TestContext | undefined;
  beforeAll(async () => { live = await createTestApp(...args); });
  afterAll(async () => live?.close());
  const ctx = () => {
    if (!live) throw new Error('the test app is made in beforeAll: read it inside a test or a hook');
    return live;
  };
  return {
    get app() { return ctx().app; },
    get db() { return ctx().db; },
    get database() { return ctx().database; },
    get config() { return ctx().config; },
    get queues() { return ctx().queues; },
    get redis() { return ctx().redis; },
    startWorkers: () => ctx().startWorkers(),
    close: () => ctx().close(),
  };
}

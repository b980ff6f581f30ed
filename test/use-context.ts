import { afterAll, beforeAll } from 'vitest';
import { createTestContext, type TestContext } from '#test/context.ts';

/**
 * One test context for the whole test file: created before its first test, closed after its last.
 * Call at the top level of the file; the returned context is usable inside hooks and tests.
 */
export function useTestContext(opts: Parameters<typeof createTestContext>[0] = {}): TestContext {
  let current: TestContext | undefined;
  beforeAll(async () => {
    current = await createTestContext(opts);
  });
  afterAll(async () => current?.close());
  return new Proxy({} as TestContext, {
    get(_target, key: keyof TestContext) {
      if (!current) throw new Error('useTestContext: the context is only there inside hooks and tests');
      return current[key];
    },
  });
}

import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: the engine, the model, the dates, the rules and the CLI, in process, with no build (vitest
 * runs the TypeScript itself). The fuzz counts are scaled down (NOTELINT_FUZZ_RUNS); `npm test` runs
 * everything, the real CLI, server and editors included.
 */
export default defineConfig({
  test: {
    include: [
      'test/dates*.test.ts',
      'test/model/*.test.ts',
      'test/note-model.test.ts',
      'test/rules-in-sales-notes.test.ts',
      'test/rule-docs.test.ts',
      'test/suppression.test.ts',
      'test/fix-note.test.ts',
      'test/engine-registry.test.ts',
      'test/hostile-input.test.ts',
      'test/properties.test.ts',
      'test/cli-in-process.test.ts',
      'test/workspace.test.ts',
    ],
    env: { NOTELINT_FUZZ_RUNS: process.env.NOTELINT_FUZZ_RUNS ?? '0.05' },
    testTimeout: 60_000,
  },
});

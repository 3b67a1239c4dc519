import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds dist/ once: the CLI tests run the real `node bin/notelint.js`.
    globalSetup: ['test/global-setup.ts'],
    // Each CLI test starts Node processes; the corpus test sets its own, longer timeout.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});

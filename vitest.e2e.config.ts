import { defineConfig } from 'vitest/config';

// Checks of the built extension (manifest, sizes, store zips) and end-to-end tests in real headless
// Chromium (tests/e2e) and Firefox (tests/e2e-firefox). Run after `npm run zip && npm run build:e2e`.
// One browser at a time: the machine has two cores and each file starts its own browser.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.e2e.ts', 'tests/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
  },
});

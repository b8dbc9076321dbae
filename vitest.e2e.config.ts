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
    // A condition the page reaches by itself (a render, a stored job, a badge) may take more than
    // vitest's default 1 s on a loaded two-core machine: every poll waits up to 10 s for it.
    expect: { poll: { timeout: 10_000 } },
  },
});

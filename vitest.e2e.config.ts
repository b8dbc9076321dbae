import { defineConfig } from 'vitest/config';

// Checks of the built extension (manifest, sizes) and end-to-end tests in real headless
// Chromium. Run after `npm run build && npm run build:e2e`. One browser at a time: the machine
// has two cores and each file starts its own Chromium.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
  },
});

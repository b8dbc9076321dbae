import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and integration tests: the pure core, components (happy-dom, per file) and the real
// openai SDK against the fake server. Browser builds and Chromium: vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    // The English words for every test (browser.i18n answered from public/_locales/en).
    setupFiles: ['tests/setup/i18n.ts'],
  },
});

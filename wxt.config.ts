import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { buildManifest } from './utils/manifest';

// The e2e build (`wxt build --mode e2e`) differs from production in two ways only: it may reach
// the test pages on localhost without a user gesture, and it carries a test hook in the
// background. Both are decided here and in `import.meta.env.MODE`, never at run time.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere (STYLE 12): every dependency is visible at the top of its file.
  imports: false,
  manifest: ({ browser, mode }) => buildManifest({ browser, e2e: mode === 'e2e' }),
  vite: () => ({
    plugins: [preact()],
  }),
});

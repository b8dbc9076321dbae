import { existsSync } from 'node:fs';
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
  // `npm run dev` (.ci/dev.mjs serves the sample page and sets its address). web-ext finds
  // Google Chrome and `firefox` by itself; Debian's chromium and firefox-esr it does not.
  webExt: {
    startUrls: process.env.PROMPTBRUSH_DEV_START_URL ? [process.env.PROMPTBRUSH_DEV_START_URL] : [],
    binaries: devBinaries(),
  },
  // `npm run zip`: promptbrush-<version>-chrome.zip, -firefox.zip and, with the Firefox one, the
  // sources zip addons.mozilla.org asks for (the version is package.json's, which WXT also
  // writes into the manifest). The sources build with `npm ci && npm run build:firefox`.
  zip: {
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources.zip',
    excludeSources: ['tests/**', 'docs/store/**', 'vitest.config.ts', 'vitest.e2e.config.ts', '**/*.zip'],
  },
});

/** Debian and Ubuntu install Chromium and Firefox ESR under names web-ext does not look for. */
function devBinaries(): Record<string, string> {
  const first = (paths: string[]) => paths.find((path) => existsSync(path));
  const chrome = process.env.CHROME_PATH ?? first(['/usr/bin/chromium', '/usr/bin/chromium-browser']);
  const firefox = process.env.FIREFOX_PATH ?? first(['/usr/bin/firefox-esr']);
  return { ...(chrome ? { chrome } : {}), ...(firefox ? { firefox } : {}) };
}

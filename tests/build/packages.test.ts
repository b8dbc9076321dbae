// The store packages `npm run zip` makes (run after it): named after package.json's version, which
// is also the manifest's; the Chrome zip's contents load in Chromium (service worker, popup); the
// Firefox zip passes Mozilla's `web-ext lint` with no error; the sources zip holds what the build needs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT } from '../e2e/harness';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const zipPath = (kind: string) => join(ROOT, '.output', `promptbrush-${version}-${kind}.zip`);
const temp = mkdtempSync(join(tmpdir(), 'promptbrush-zips-'));

afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function unzip(kind: string): Promise<{ dir: string; names: string[] }> {
  const zip = await JSZip.loadAsync(readFileSync(zipPath(kind)));
  const dir = join(temp, kind);
  const names = Object.values(zip.files)
    .filter((file) => !file.dir)
    .map((file) => file.name);
  for (const name of names) {
    const target = join(dir, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await (zip.file(name) as JSZip.JSZipObject).async('nodebuffer'));
  }
  return { dir, names };
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };

describe('store packages', () => {
  it(`the Chrome zip (version ${version}) loads in Chromium: the service worker starts and the popup renders`, async () => {
    const { dir } = await unzip('chrome');
    expect(manifestOf(dir).version).toBe(version);
    const profile = mkdtempSync(join(tmpdir(), 'promptbrush-zip-profile-'));
    const { context, worker, extensionId } = await launchBrowser(profile, dir);
    try {
      expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect.poll(() => popup.getByTestId('composer').count(), { timeout: 10_000 }).toBe(1);
      expect(await popup.locator('h1').textContent()).toBe('Promptbrush');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('the Firefox zip passes web-ext lint with no error', async () => {
    const { dir } = await unzip('firefox');
    expect(manifestOf(dir).version).toBe(version);
    const lint = spawnSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json'], {
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    const report = JSON.parse(lint.stdout) as { errors: { code: string; message: string; file?: string }[]; summary: { errors: number } };
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('the sources zip holds what `npm ci && npm run build:firefox` needs, and no tests, builds or dependencies', async () => {
    const { names } = await unzip('sources');
    for (const needed of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'entrypoints/background.ts',
      'utils/manifest.ts',
    ]) {
      expect(names, needed).toContain(needed);
    }
    expect(names.some((name) => name.startsWith('components/'))).toBe(true);
    expect(names.filter((name) => /^(tests|node_modules|\.output|\.wxt|\.git|store)\//.test(name))).toEqual([]);
    expect(names.filter((name) => name.endsWith('.zip'))).toEqual([]);
  });
});

// The store listing's 1280 × 800 screenshots (docs/store/screenshots/), taken from the real extension in
// real Chromium. They must look like a person's own setup, never like a test: the OpenAI preset
// with a saved (never shown) key and real-looking model names. For that, Chromium resolves
// api.openai.com to a local HTTPS proxy in front of the fake server (a throwaway self-signed
// certificate, accepted with --ignore-certificate-errors), so every address on screen is OpenAI's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_VERSION } from '../../utils/settings';
import { DEFAULT_REPLY, type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';
import { startPageServer } from '../fixtures/page-server';
import { clickContextMenu, launchBrowser, openOptions, openPopup, ROOT, type Session, tabIdOf } from './harness';

const STORE_SCREENSHOTS = join(ROOT, 'docs/store/screenshots');
const OPENAI = 'https://api.openai.com/v1';
const SIZE = { width: 1280, height: 800 };
const MODELS = [
  { id: 'gpt-5-mini', created: 1_790_000_000 },
  { id: 'gpt-5', created: 1_789_000_000 },
  { id: 'gpt-4.1-mini', created: 1_760_000_000 },
  { id: 'gpt-image-2', created: 1_792_000_000 },
];

let session: Session;
let proxy: Server;
const temp = mkdtempSync(join(tmpdir(), 'promptbrush-store-'));

/** An HTTPS server that passes every request on to the fake OpenAI server, streaming both ways. */
async function startTlsProxy(target: FakeOpenAI): Promise<Server> {
  const key = join(temp, 'key.pem');
  const cert = join(temp, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=api.openai.com', '-keyout', key, '-out', cert],
    {
      stdio: 'ignore',
    },
  );
  const { port, hostname } = new URL(target.url);
  const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const upstream = httpRequest({ host: hostname, port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  const [server, pages] = await Promise.all([startFakeOpenAI(), startPageServer()]);
  proxy = await startTlsProxy(server);
  const profileDir = join(temp, 'profile');
  const { port } = proxy.address() as AddressInfo;
  const args = [`--host-resolver-rules=MAP api.openai.com 127.0.0.1:${port}`, '--ignore-certificate-errors'];
  const { context, worker, extensionId } = await launchBrowser(profileDir, undefined, args);
  session = {
    context,
    worker,
    extensionId,
    server,
    pages,
    profileDir,
    close: async () => {
      await context.close().catch(() => undefined);
      await Promise.all([server.close(), pages.close(), new Promise((resolve) => proxy.close(resolve))]);
    },
  };
  mkdirSync(STORE_SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await session?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** Settings as a person with an OpenAI key has them; the key itself is never displayed. */
async function configureOpenAI() {
  session.server.models = [...MODELS];
  await session.worker.evaluate(
    async ({ baseUrl, version }) => {
      const settings = { provider: 'openai', baseUrl, chatModel: 'gpt-5-mini', maxSelectionChars: 8000, requestTimeoutSeconds: 30 };
      await chrome.storage.local.set({ settings, settings$: { v: version } });
      await chrome.storage.local.set({ apiKey: 'sk-proj-store-screenshot-key-0000', apiKeyEndpoint: baseUrl });
    },
    { baseUrl: OPENAI, version: SETTINGS_VERSION },
  );
}

/** A browser-like picture: the page at 1280 × 800 with the popup open under the toolbar, top right. */
async function composeWithPopup(backdrop: Buffer, popup: Buffer, file: string) {
  const page = await session.context.newPage();
  await page.setViewportSize(SIZE);
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await page.setContent(`<!doctype html><body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative">
    <img src="${src(backdrop)}" style="position:absolute;inset:0;width:1280px;height:800px">
    <img src="${src(popup)}" style="position:absolute;top:8px;right:16px;border:1px solid #c8c8c8;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.28)">
  </body>`);
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  await page.screenshot({ path: join(STORE_SCREENSHOTS, file) });
  await page.close();
}

async function sampleWithSelection(id: string): Promise<{ page: Page; text: string }> {
  const page = await session.context.newPage();
  await page.setViewportSize(SIZE);
  // One address per scene: tabs are found by their address.
  await page.goto(session.pages.url(`sample.html?${id}`));
  const text = await page.evaluate((id) => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(id) as Node);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    return getSelection()?.toString() ?? '';
  }, id);
  return { page, text };
}

describe('store screenshots (1280 × 800)', () => {
  it('1: a selection on a page becomes a prompt in the popup', async () => {
    await configureOpenAI();
    const { page, text } = await sampleWithSelection('lighthouse');
    await clickContextMenu(session, await tabIdOf(session, page.url()), text);
    const popup = await openPopup(session);
    await popup.setViewportSize({ width: 420, height: 600 });
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    expect(session.server.chatRequests().at(-1)?.headers.host).toBe('api.openai.com');
    await composeWithPopup(await page.screenshot(), await popup.screenshot(), '1-prompt-from-selection.png');
    await popup.close();
  });

  it('2: the prompt in the target’s own syntax (Midjourney)', async () => {
    session.server.chat.reply =
      'paper lanterns over a rain-soaked night market, girl in a yellow raincoat holding a painted paper fish up to the light, steam rising from noodle stalls, gold and turquoise highlights, cinematic street photography --ar 3:2 --s 250 --v 7';
    // The popup's pickers would write the open job again: choose the target as a default instead.
    await session.worker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...settings, target: 'midjourney', aspectRatio: '3:2' } });
    });
    const { page, text } = await sampleWithSelection('market');
    await clickContextMenu(session, await tabIdOf(session, page.url()), text);
    const popup = await openPopup(session);
    await popup.setViewportSize({ width: 420, height: 600 });
    await expect.poll(() => popup.getByTestId('source-text').textContent(), { timeout: 15_000 }).toContain('Paper lanterns');
    // The whole prompt, parameters last: wait for the end of the stream, not its first words.
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toContain('--ar 3:2');
    expect(await popup.getByTestId('prompt').inputValue()).toContain('paper lanterns');
    await composeWithPopup(await page.screenshot(), await popup.screenshot(), '2-midjourney-prompt.png');
    await popup.close();
  });

  it('3: settings: the OpenAI preset, a saved key that is never shown, the live model list', async () => {
    const options = await openOptions(session);
    await options.setViewportSize(SIZE);
    await expect.poll(() => options.getByTestId('key-status').textContent()).toContain('A key is saved');
    await expect.poll(() => options.locator('#chat-model option', { hasText: 'gpt-5' }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const shown = await options.content();
    expect(shown).not.toContain('sk-proj-store');
    expect(shown).not.toMatch(/127\.0\.0\.1|localhost/);
    await options.screenshot({ path: join(STORE_SCREENSHOTS, '3-settings.png') });
  });
});

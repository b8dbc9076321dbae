// End-to-end harness: real headless Chromium (Debian's package) with the e2e build of the
// extension loaded, the fake OpenAI server and the fixture pages on localhost.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import { SETTINGS_VERSION } from '../../utils/settings';
import { type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';
import { type PageServer, startPageServer } from '../fixtures/page-server';

export const ROOT = resolve(import.meta.dirname, '../..');
export const E2E_BUILD = join(ROOT, '.output/chrome-mv3-e2e');
export const PRODUCTION_BUILD = join(ROOT, '.output/chrome-mv3');
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');
export const TEST_KEY = 'sk-test-e2e-0123456789abcdef';

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
  return found;
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: FakeOpenAI;
  pages: PageServer;
  profileDir: string;
  close(): Promise<void>;
}

export async function launchBrowser(
  profileDir: string,
  buildDir = E2E_BUILD,
  /** More Chromium switches (the store screenshots map api.openai.com to the fake server; `--lang=de` picks the German locale). */
  extraArgs: string[] = [],
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  if (!existsSync(join(buildDir, 'manifest.json'))) throw new Error(`No build at ${buildDir}: run npm run build:e2e first.`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 900, height: 700 },
    args: [
      `--disable-extensions-except=${buildDir}`,
      `--load-extension=${buildDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // The DevTools protocol's Extensions domain: grantActiveTab clicks the toolbar button through it.
      '--enable-unsafe-extension-debugging',
      ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** A browser with the extension, the fake server and the fixture pages, all fresh. */
export async function startSession(buildDir = E2E_BUILD, extraArgs: string[] = []): Promise<Session> {
  const profileDir = mkdtempSync(join(tmpdir(), 'promptbrush-e2e-'));
  const [server, pages] = await Promise.all([startFakeOpenAI(), startPageServer()]);
  const { context, worker, extensionId } = await launchBrowser(profileDir, buildDir, extraArgs);
  const session: Session = {
    context,
    worker,
    extensionId,
    server,
    pages,
    profileDir,
    async close() {
      // The browser may have been restarted (restartBrowser): close the current one.
      await session.context.close().catch(() => undefined);
      await Promise.all([server.close(), pages.close()]);
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Quits the browser and starts it again on the same profile (what survives a restart). */
export async function restartBrowser(session: Session): Promise<void> {
  await session.context.close();
  const { context, worker, extensionId } = await launchBrowser(session.profileDir);
  Object.assign(session, { context, worker, extensionId });
}

/**
 * Stops the extension's service worker the way the browser does when it idles it out: through
 * the DevTools protocol (Target.closeTarget on the service_worker target). The worker starts
 * again on the next event (a message from a page, for example).
 */
export async function stopServiceWorker(session: Session): Promise<void> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
    if (!target) throw new Error('The extension has no running service worker to stop.');
    const { success } = await cdp.send('Target.closeTarget', { targetId: target.targetId });
    if (!success) throw new Error('The service worker could not be stopped.');
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/**
 * Clicks the extension's toolbar button on a tab through the DevTools protocol (a real action, not
 * a hook): the browser grants activeTab for that tab, as it does on a context-menu click — which
 * automation cannot make. The grant lasts until the tab navigates.
 */
export async function grantActiveTab(session: Session, page: Page): Promise<void> {
  const browser = session.context.browser();
  if (!browser) throw new Error('No browser handle to reach the Extensions domain.');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: { targetId: string; url: string }[];
    };
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction' as never, { id: session.extensionId, targetId: tab.targetId } as never);
  } finally {
    await cdp.detach();
  }
}

/** The current job as stored in storage.session (what every page renders from). */
export async function storedJob(
  session: Session,
): Promise<{ id: string; status: string; prompt: string; error?: { kind: string } } | null> {
  return session.worker.evaluate(async () => ((await chrome.storage.session.get('job')) as { job?: never }).job ?? null);
}

/** Adds an image to history through the background's history API (e2e build hook). */
export async function addHistoryImage(
  session: Session,
  jobId: string,
  image: { bytes: Uint8Array; mime: string; width: number; height: number; model: string },
): Promise<string> {
  return session.worker.evaluate(
    async ({ jobId, image }) => {
      const hook = (globalThis as unknown as { __promptbrushE2E: { addImage: (jobId: string, image: unknown) => Promise<string> } })
        .__promptbrushE2E;
      return hook.addImage(jobId, { ...image, bytes: new Uint8Array(image.bytes) });
    },
    { jobId, image: { ...image, bytes: [...image.bytes] } },
  );
}

/** Moves an older version's images into history, as the worker does at start (e2e build hook). */
export async function moveLegacyImages(session: Session): Promise<{ added: number; kept: number; dropped: number } | null> {
  return session.worker.evaluate(async () => {
    const hook = (globalThis as unknown as { __promptbrushE2E: { moveLegacyImages: () => Promise<never> } }).__promptbrushE2E;
    return hook.moveLegacyImages();
  });
}

/** Stores settings and key the way the options page and background would. */
export async function configure(
  session: Session,
  options: {
    apiKey?: string;
    chatModel?: string;
    baseUrl?: string;
    /** A preset id (utils/providers.ts); derived from the base URL when absent. */
    provider?: string;
    requestTimeoutSeconds?: number;
    /** Seconds a started answer may stay silent (the schema's minimum, 5, keeps fault tests short). */
    idleTimeoutSeconds?: number;
    /** The endpoint the key was saved for (default: the base URL). */
    keyEndpoint?: string;
  } = {},
) {
  const settings = {
    ...(options.provider ? { provider: options.provider } : {}),
    baseUrl: options.baseUrl ?? session.server.baseUrl,
    chatModel: options.chatModel ?? 'fake-chat-mini',
    maxSelectionChars: 8000,
    requestTimeoutSeconds: options.requestTimeoutSeconds ?? 30,
    ...(options.idleTimeoutSeconds !== undefined ? { idleTimeoutSeconds: options.idleTimeoutSeconds } : {}),
  };
  const apiKey = options.apiKey ?? TEST_KEY;
  const apiKeyEndpoint = options.keyEndpoint ?? settings.baseUrl;
  await session.worker.evaluate(
    async ({ settings, apiKey, apiKeyEndpoint, version }) => {
      await chrome.storage.local.set({ settings, settings$: { v: version } });
      await chrome.storage.session.remove(['apiKey', 'apiKeyEndpoint']);
      if (apiKey) await chrome.storage.local.set({ apiKey, apiKeyEndpoint });
      else await chrome.storage.local.remove(['apiKey', 'apiKeyEndpoint']);
    },
    { settings, apiKey, apiKeyEndpoint, version: SETTINGS_VERSION },
  );
}

export async function tabIdOf(session: Session, url: string): Promise<number> {
  const id = await session.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, url);
  if (id === undefined) throw new Error(`No tab for ${url}`);
  return id;
}

/** Opens a fixture page and selects the text of the elements matched by the selectors. */
export async function openPageWithSelection(
  session: Session,
  path: string,
  fromSelector: string,
  toSelector = fromSelector,
): Promise<{ page: Page; text: string; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(session.pages.url(path));
  const text = await page.evaluate(
    ([from, to]) => {
      const range = document.createRange();
      range.setStartBefore(document.querySelector(from as string) as Node);
      range.setEndAfter(document.querySelector(to as string) as Node);
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    [fromSelector, toSelector],
  );
  return { page, text, tabId: await tabIdOf(session, page.url()) };
}

/**
 * Does what a click on the context menu does: calls the menu's own handler in the service
 * worker through the hook that exists only in the e2e build.
 */
export async function clickContextMenu(
  session: Session,
  tabId: number,
  selectionText: string,
  frameId = 0,
  menuItemId = 'promptbrush',
): Promise<string> {
  return session.worker.evaluate(
    async ({ tabId, selectionText, frameId, menuItemId }) => {
      const hook = (globalThis as unknown as { __promptbrushE2E: { onMenuClick: (info: unknown, tab: unknown) => Promise<string> } })
        .__promptbrushE2E;
      return hook.onMenuClick({ menuItemId, selectionText, frameId }, { id: tabId });
    },
    { tabId, selectionText, frameId, menuItemId },
  );
}

/** The real popup's size: Chrome caps a popup at 600 px high; Promptbrush's is 420 px wide. */
export const POPUP_VIEWPORT = { width: 420, height: 600 };

export async function openPopup(session: Session, query = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.goto(`chrome-extension://${session.extensionId}/popup.html${query}`);
  return page;
}

/**
 * The composer, as a person reaches it: it shows by itself when there is no job, and behind
 * "New prompt" when the popup shows one.
 */
export async function openComposer(page: Page): Promise<Locator> {
  const composer = page.getByTestId('composer');
  const newPrompt = page.getByRole('button', { name: 'New prompt' });
  await composer.or(newPrompt).first().waitFor();
  if (!(await composer.isVisible())) await newPrompt.click();
  await composer.waitFor();
  return composer;
}

/** Opens the prompt-options row ("GPT Image · No style · 1:1 · 1 take") and waits for its pickers. */
export async function openPickers(page: Page): Promise<void> {
  const row = page.getByRole('button', { name: /^Prompt options:/ });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await page.getByLabel('Target').waitFor();
}

export async function openSidePanelPage(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  return page;
}

export async function openOptions(session: Session, hash = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html${hash}`);
  return page;
}

/** Waits until the options page says every change is saved. */
export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-save'), { timeout: 10_000 }).toBe('saved');
}

/** Reads the system clipboard from a localhost page (extension pages may not read it). */
export async function readClipboard(session: Session): Promise<string> {
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.pages.origin });
  const page = await session.context.newPage();
  await page.goto(session.pages.url('article.html'));
  await page.bringToFront();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/** Text of the user message the fake server received in its last chat request. */
export function lastUserMessage(server: FakeOpenAI): string {
  const body = server.chatRequests().at(-1)?.body as { messages?: { role: string; content: string }[] } | undefined;
  return body?.messages?.find((m) => m.role === 'user')?.content ?? '';
}

// Firefox end-to-end harness: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi
// (nothing downloaded), with a Firefox build of the extension installed, the fake OpenAI server
// and the fixture pages on localhost. Facts it relies on are in ../shared/NOTES.md ("Firefox"):
// a fixed moz-extension UUID through a pref, extension pages opened without awaiting navigation,
// the background is an event page reached through runtime.getBackgroundPage().
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { SETTINGS_VERSION } from '../../utils/settings';
import { ROOT, TEST_KEY } from '../e2e/harness';
import { type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';
import { type PageServer, startPageServer } from '../fixtures/page-server';

export const FIREFOX_E2E_BUILD = join(ROOT, '.output/firefox-mv3-e2e');
export const FIREFOX_PRODUCTION_BUILD = join(ROOT, '.output/firefox-mv3');
/** browser_specific_settings.gecko.id (utils/manifest.ts). */
export const GECKO_ID = 'promptbrush@promptbrush.dev';
/** Fixed through `extensions.webextensions.uuids`, so extension pages have a known address. */
export const EXTENSION_UUID = '5d1f2a8e-7c3b-4e6a-9f10-2b4c6d8e0a1f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('Firefox not found: install Debian\'s "firefox-esr" package or set FIREFOX_PATH.');
  return found;
}

export interface FirefoxSession {
  browser: Browser;
  server: FakeOpenAI;
  pages: PageServer;
  profileDir: string;
  buildDir: string;
  /** Uncaught errors of extension pages and background, and console.error calls, as Firefox prints them. */
  pageErrors: string[];
  /** Milliseconds from launch to the extension installed, per launch. */
  launchTimes: number[];
  close(): Promise<void>;
}

const PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  // The extension is installed as a temporary add-on on every launch; keeping its storage and
  // UUID when Firefox removes it at shutdown is what lets a relaunch on the same profile find
  // the history, settings and key a person's permanent install would keep.
  'extensions.webextensions.keepStorageOnUninstall': true,
  'extensions.webextensions.keepUuidOnUninstall': true,
  // permissions.request from a click in the options page: accept without a doorhanger.
  'extensions.webextOptionalPermissionPrompts': false,
  // No paste confirmation menu for navigator.clipboard.readText on the test page.
  'dom.events.testing.asyncClipboard': true,
  // Firefox writes extension pages' console.error calls and every uncaught error to its own
  // output; BiDi's console and pageerror events never reach moz-extension:// pages (checked), so
  // the output is where the harness looks for errors.
  'devtools.console.stdout.content': true,
  'browser.dom.window.dump.enabled': true,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
};

async function launch(session: Pick<FirefoxSession, 'profileDir' | 'buildDir' | 'pageErrors' | 'launchTimes'>): Promise<Browser> {
  if (!existsSync(join(session.buildDir, 'manifest.json'))) {
    throw new Error(`No build at ${session.buildDir}: run npm run build && npm run build:e2e first.`);
  }
  const started = performance.now();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: session.profileDir,
    // Lets a tab navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: PREFS,
    defaultViewport: { width: 900, height: 700 },
  });
  watchErrors(browser, session.pageErrors);
  const id = await browser.installExtension(session.buildDir);
  if (id !== GECKO_ID) throw new Error(`Installed ${id}, expected ${GECKO_ID}`);
  session.launchTimes.push(Math.round(performance.now() - started));
  return browser;
}

/** Errors of the extension's pages and background, read from Firefox's output. */
function watchErrors(browser: Browser, errors: string[]) {
  let rest = '';
  const read = (chunk: Buffer | string) => {
    const lines = (rest + String(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('JavaScript error: moz-extension://') || line.startsWith('console.error:')) errors.push(line);
    }
  };
  browser.process()?.stdout?.on('data', read);
  browser.process()?.stderr?.on('data', read);
}

/** Firefox with the extension, the fake server and the fixture pages, all fresh. */
export async function startFirefox(buildDir = FIREFOX_E2E_BUILD): Promise<FirefoxSession> {
  const profileDir = mkdtempSync(join(tmpdir(), 'promptbrush-firefox-'));
  const [server, pages] = await Promise.all([startFakeOpenAI(), startPageServer()]);
  const partial = { profileDir, buildDir, pageErrors: [] as string[], launchTimes: [] as number[] };
  const session: FirefoxSession = {
    ...partial,
    server,
    pages,
    browser: await launch(partial),
    async close() {
      await session.browser.close().catch(() => undefined);
      await Promise.all([server.close(), pages.close()]);
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Quits Firefox and starts it again on the same profile (what survives a restart). */
export async function restartFirefox(session: FirefoxSession): Promise<void> {
  await session.browser.close();
  session.browser = await launch(session);
}

/**
 * Opens an extension page (popup.html, options.html…) in a new tab. `page.goto` on a
 * moz-extension:// address never resolves (puppeteer issue 14314), so the navigation is started
 * and the page's own content is awaited instead.
 */
export async function openExtensionPage(session: FirefoxSession, path: string, readySelector = 'body *'): Promise<Page> {
  const url = `${EXTENSION_ORIGIN}/${path}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await session.browser.newPage();
    page.goto(url).catch(() => undefined);
    try {
      await waitForLoadedUrl(page, url, deadline);
      await page.waitForFunction(
        (url, selector) => location.href === url && document.readyState === 'complete' && document.querySelector(selector) !== null,
        { timeout: Math.max(1_000, deadline - Date.now()), polling: 100 },
        url,
        readySelector,
      );
      return page;
    } catch (error) {
      // An evaluation that meets the old document being torn down fails inside WebDriver BiDi
      // ("right-hand side of 'in' should be an object") and every later evaluation in that tab can
      // fail the same way, so retrying in place does not help: start again in a fresh tab.
      await page.close().catch(() => undefined);
      const cause = (error as { cause?: unknown }).cause;
      if (Date.now() >= deadline || !/Protocol error/.test(`${error} ${cause ?? ''}`)) throw error;
    }
  }
}

/**
 * Waits, without evaluating anything in the tab, until its document at `url` has loaded: the
 * browsing context reports the address only from the new document's DOMContentLoaded on, so
 * evaluations after this no longer land in the about:blank document being replaced.
 */
async function waitForLoadedUrl(page: Page, url: string, deadline: number): Promise<void> {
  while (page.url() !== url) {
    if (Date.now() >= deadline) throw new Error(`${url} did not load within the deadline (the tab shows ${page.url()})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The popup, once its layout has settled: it lays out again when the last job arrives from
 * storage, and puppeteer clicks where a button was (it has no "stable" check as Playwright has).
 */
export async function openPopup(session: FirefoxSession): Promise<Page> {
  // The composer when there is no job, the prompt when there is one.
  const page = await openExtensionPage(session, 'popup.html', '[data-testid="composer"], [data-testid="prompt"]');
  await page.waitForFunction(
    () => {
      const state = window as unknown as { __layout?: { height: number; since: number } };
      const height = document.body.scrollHeight;
      if (state.__layout?.height !== height) state.__layout = { height, since: performance.now() };
      return performance.now() - state.__layout.since > 300;
    },
    { timeout: 10_000, polling: 50 },
  );
  return page;
}
/** The composer, as a person reaches it: by itself without a job, behind "New prompt" with one. */
export async function openComposer(page: Page): Promise<void> {
  if ((await page.$('[data-testid="composer"]')) === null) await clickButton(page, 'New prompt');
  await page.waitForSelector('[data-testid="composer"]', { timeout: 10_000 });
}

export const openOptions = (session: FirefoxSession) => openExtensionPage(session, 'options.html', '#base-url');

/** The WebExtension `browser` global of an extension page (Firefox has it natively). */
interface ExtensionGlobal {
  browser: {
    storage: Record<
      'local' | 'session',
      { get(keys?: unknown): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(keys: string[]): Promise<void> }
    >;
    runtime: { getBackgroundPage(): Promise<Record<string, unknown>> };
    tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
    action: { getBadgeText(details: object): Promise<string> };
  };
}

/** Runs `fn` in an extension page (options.html, opened and closed for it): storage, tabs, the background. */
export async function inExtension<A, R>(session: FirefoxSession, fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
  const page = await openExtensionPage(session, 'options.html', '#base-url');
  try {
    return (await page.evaluate(fn as never, arg as never)) as R;
  } finally {
    await page.close();
  }
}

/** Stores settings and key the way the options page and background would (as tests/e2e/harness.ts configure()). */
export async function configure(
  session: FirefoxSession,
  options: { apiKey?: string; chatModel?: string; baseUrl?: string; provider?: string } = {},
) {
  const settings = {
    ...(options.provider ? { provider: options.provider } : {}),
    baseUrl: options.baseUrl ?? session.server.baseUrl,
    chatModel: options.chatModel ?? 'fake-chat-mini',
    maxSelectionChars: 8000,
    requestTimeoutSeconds: 30,
  };
  const apiKey = options.apiKey ?? TEST_KEY;
  await inExtension(
    session,
    async ({ settings, apiKey, version }) => {
      const { browser } = globalThis as unknown as ExtensionGlobal;
      await browser.storage.local.set({ settings, settings$: { v: version } });
      await browser.storage.session.remove(['apiKey', 'apiKeyEndpoint']);
      if (apiKey) await browser.storage.local.set({ apiKey, apiKeyEndpoint: settings.baseUrl });
      else await browser.storage.local.remove(['apiKey', 'apiKeyEndpoint']);
    },
    { settings, apiKey, version: SETTINGS_VERSION },
  );
}

/** Opens a fixture page and selects the text of the elements matched by the selectors. */
export async function openPageWithSelection(
  session: FirefoxSession,
  path: string,
  fromSelector: string,
  toSelector = fromSelector,
): Promise<{ page: Page; text: string; tabId: number }> {
  const page = await session.browser.newPage();
  const url = session.pages.url(path);
  await page.goto(url);
  const text = await page.evaluate(
    (from, to) => {
      const range = document.createRange();
      range.setStartBefore(document.querySelector(from) as Node);
      range.setEndAfter(document.querySelector(to) as Node);
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    fromSelector,
    toSelector,
  );
  // Firefox's tabs.query({ url }) patterns carry no port: list the tabs and compare addresses.
  const tabId = await inExtension(
    session,
    async (url) => {
      const { browser } = globalThis as unknown as ExtensionGlobal;
      return (await browser.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1;
    },
    url,
  );
  if (tabId < 0) throw new Error(`No tab for ${url}`);
  return { page, text, tabId };
}

/** What a click on the context menu does: the menu's own handler, through the e2e build's hook. */
export async function clickContextMenu(
  session: FirefoxSession,
  tabId: number,
  selectionText: string,
  menuItemId = 'promptbrush',
): Promise<string> {
  return inExtension(
    session,
    async ({ tabId, selectionText, menuItemId }) => {
      const { browser } = globalThis as unknown as ExtensionGlobal;
      const background = await browser.runtime.getBackgroundPage();
      const hook = background.__promptbrushE2E as { onMenuClick(info: unknown, tab: unknown): Promise<string> } | undefined;
      if (!hook) throw new Error('No __promptbrushE2E hook in the background: is this the e2e build?');
      return hook.onMenuClick({ menuItemId, selectionText, frameId: 0 }, { id: tabId });
    },
    { tabId, selectionText, menuItemId },
  );
}

/** Value of an input or textarea (Preact keeps the DOM property, not the attribute, current). */
export const inputValue = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLInputElement | HTMLTextAreaElement).value).catch(() => '');
export const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '').catch(() => '');

/** Clicks (a real BiDi input click, which counts as a user gesture) the first enabled button whose text starts with `label`. */
export async function clickButton(page: Page, label: string): Promise<void> {
  for (const handle of await page.$$('button')) {
    const match = await handle.evaluate((b, label) => !b.disabled && (b.textContent ?? '').trim().startsWith(label), label);
    if (match) {
      // To the middle of the window first: a bar that stays at the bottom (the options page's save
      // line) may cover a button scrolled just into view.
      await handle.evaluate((b) => b.scrollIntoView({ block: 'center' }));
      await handle.click();
      return;
    }
  }
  throw new Error(`No enabled button "${label}"`);
}

/** Replaces an input's value as typing would (Preact listens for input events). */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
}

/** Reads the clipboard from a localhost page (extension pages may not read it). */
export async function readClipboard(session: FirefoxSession): Promise<string> {
  const page = await session.browser.newPage();
  await page.goto(session.pages.url('article.html'));
  await page.bringToFront();
  await page.click('body');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

// Browser glue: "Open in X" for a fill row. Opens the site (or focuses a tab already showing it),
// waits for it to load, injects the fill script into that tab only and calls it with the prompt as
// an argument. When the box cannot be filled, the prompt stays on the clipboard (the popup copied it)
// and the next popup open says to paste it.
import { browser } from 'wxt/browser';
import { FILL_GLOBAL, FILL_WAIT_MS, type FillRequest, type FillResult } from '../fill-page';
import { type ExternalGenerator, fillUrl, showsSite } from '../generators';
import { handoffNoticeItem } from '../handoff-store';
import type { FillFailure, FillOutcome, FillRequestMessage } from '../protocol';
import { loadMigratedSettings } from './settings-item';

const LOAD_TIMEOUT_MS = 30_000;

async function openOrFocus(url: string): Promise<number> {
  // Only tabs of sites the extension may read carry a url: the granted site's tabs do.
  const existing = (await browser.tabs.query({})).find((tab) => tab.id !== undefined && showsSite(tab.url, url));
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true }).catch(() => undefined);
    return existing.id;
  }
  const tab = await browser.tabs.create({ url });
  if (tab.id === undefined) throw new Error('The browser opened no tab.');
  return tab.id;
}

/** Resolves when the tab has finished loading (at once if it has). */
function loaded(tabId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      if (error) reject(error);
      else resolve();
    };
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') finish();
    };
    const onRemoved = (id: number) => {
      if (id === tabId) finish(new Error('The tab was closed.'));
    };
    const timer = setTimeout(() => finish(new Error('The page did not finish loading.')), LOAD_TIMEOUT_MS);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.tabs.get(tabId).then(
      (tab) => tab.status === 'complete' && finish(),
      () => finish(new Error('The tab is gone.')),
    );
  });
}

async function fillTab(tabId: number, request: FillRequest): Promise<FillResult> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/fill.js'] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    // Serialised into the page: it may use only its arguments.
    func: (name: string, fill: FillRequest) =>
      (globalThis as unknown as Record<string, (r: FillRequest) => Promise<FillResult>>)[name]?.(fill),
    args: [FILL_GLOBAL, request],
  });
  const value = result?.result as FillResult | undefined;
  return { filled: value?.filled === true, negativeFilled: value?.negativeFilled === true };
}

async function fill(generator: ExternalGenerator, message: FillRequestMessage): Promise<FillOutcome> {
  const fail = (reason: FillFailure): FillOutcome => ({ filled: false, negativeFilled: false, reason });
  let tabId: number;
  try {
    tabId = await openOrFocus(fillUrl(generator));
    await loaded(tabId);
  } catch {
    return fail('cannot-open');
  }
  try {
    const result = await fillTab(tabId, {
      prompt: message.prompt,
      ...(message.negativePrompt ? { negativePrompt: message.negativePrompt } : {}),
      promptSelectors: generator.promptSelectors,
      negativeSelectors: generator.negativeSelectors,
      waitMs: FILL_WAIT_MS,
    });
    return result.filled ? result : { ...result, reason: 'no-box' };
  } catch {
    // No permission for the site (refused, or removed since), or a page that takes no scripts.
    return fail('cannot-script');
  }
}

/** The fillGenerator handler: the row is read from settings, never taken from the message. */
export async function fillGenerator(message: FillRequestMessage): Promise<FillOutcome> {
  const generator = (await loadMigratedSettings()).generators.find((g) => g.id === message.generatorId && g.mode === 'fill' && g.enabled);
  if (!generator) return { filled: false, negativeFilled: false, reason: 'not-fill' };
  const outcome = await fill(generator, message);
  // The popup has usually closed by now (the site took the focus): tell it at its next open.
  if (!outcome.filled)
    await handoffNoticeItem.setValue({ generatorName: generator.name, reason: outcome.reason ?? 'no-box', at: Date.now() });
  return outcome;
}

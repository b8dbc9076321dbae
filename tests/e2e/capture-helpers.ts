// Helpers for the capture end-to-end tests: make selections the way a person would leave them
// (in the page, a frame, a field, a shadow root), then trigger the capture through the very
// handlers the browser calls (menu, shortcut) or through the real popup button.
import type { Frame, Page } from 'playwright-core';
import { openComposer, openPopup, type Session, tabIdOf } from './harness';

/** Opens a fixture page in a new tab; returns it with its tab id. */
export async function openFixture(session: Session, path: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(session.pages.url(path));
  // tabs.query takes a match pattern: no fragment, and the query string needs a wildcard.
  return { page, tabId: await tabIdOf(session, `${page.url().split(/[?#]/)[0]}*`) };
}

/** Selects from the start of one element to the end of another (also in a shadow root), returns the selection's text. */
export function selectElements(target: Page | Frame, from: string, to = from, shadowHost?: string): Promise<string> {
  return target.evaluate(
    ([from, to, host]) => {
      const root: Document | ShadowRoot = host ? ((document.querySelector(host) as Element).shadowRoot as ShadowRoot) : document;
      const range = document.createRange();
      range.setStart(root.querySelector(from) as Node, 0);
      const end = root.querySelector(to) as Node;
      range.setEnd(end, end.childNodes.length);
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    [from, to, shadowHost ?? ''] as const,
  );
}

/** Focuses an input or textarea and selects `text` inside its value, as a person dragging would. */
export async function selectInField(page: Page, selector: string, text: string): Promise<string> {
  await page.focus(selector);
  return page.evaluate(
    ([selector, text]) => {
      const field = document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
      const start = field.value.indexOf(text);
      if (start < 0) throw new Error(`"${text}" is not in ${selector}`);
      field.setSelectionRange(start, start + text.length);
      return field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
    },
    [selector, text] as const,
  );
}

/** The browser's frame id for the frame whose address ends with `path` (what a menu click reports). */
export async function frameIdOf(session: Session, tabId: number, path: string): Promise<number> {
  const frames = await session.worker.evaluate(
    async (tabId) =>
      (await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => location.href })).map((r) => [
        r.frameId,
        r.result,
      ]),
    tabId,
  );
  const found = frames.find(([, url]) => typeof url === 'string' && url.endsWith(path));
  if (!found) throw new Error(`No frame ${path} in tab ${tabId}`);
  return found[0] as number;
}

/** Does what pressing the capture shortcut does: calls the command handler in the worker. */
export async function pressShortcut(session: Session, tabId: number): Promise<void> {
  await session.worker.evaluate(async (tabId) => {
    const hook = (globalThis as unknown as { __promptbrushE2E: { onCommand: (command: string, tab: unknown) => void } }).__promptbrushE2E;
    hook.onCommand('prompt-from-selection', { id: tabId });
  }, tabId);
}

/** Opens the popup for a tab and clicks its composer's "Use selection on this page" button. */
export async function useSelectionFromPopup(session: Session, tabId: number): Promise<Page> {
  const popup = await openPopup(session, `?tab=${tabId}`);
  await openComposer(popup);
  await popup.getByRole('button', { name: 'Use selection on this page' }).click();
  return popup;
}

/** Opens a page no extension may script (chrome://version) and returns its tab id. */
export async function openBrowserPage(session: Session): Promise<{ page: Page; tabId: number }> {
  const ids = () => session.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id as number));
  const before = new Set(await ids());
  const page = await session.context.newPage();
  await page.goto('chrome://version');
  const tabId = (await ids()).find((id) => !before.has(id));
  if (tabId === undefined) throw new Error('No tab for chrome://version');
  return { page, tabId };
}

/** The selected-text block of a user message the fake server received. */
export function selectedPart(userMessage: string): string {
  const match = /Selected text:\n"""\n([\s\S]*)\n"""$/.exec(userMessage);
  return match?.[1] ?? '';
}

// "Open in X" for fill rows, in real Chromium: the background opens (or focuses) the site, the fill
// script puts the prompt in its box — plain textarea, React-controlled input, contenteditable
// editor, a box that appears after a client-side route, a box in a shadow root — the page's own
// input handler sees it, and nothing is submitted (each fixture counts submits). The e2e build
// holds localhost as a required host permission, so the browser grants the site at once; the
// refusal is tested by replacing permissions.request in the popup page with one that says no.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import type { FixtureState } from '../fixtures/pages/fill/fields.js';
import { configure, openComposer, openPopup, readClipboard, type Session, startSession } from './harness';

let session: Session;
let popup: Page;

const row = (id: string, name: string, path: string, promptSelectors: string[] = []) => ({
  id,
  name,
  urlTemplate: session.pages.url(path),
  mode: 'fill',
  promptSelectors,
  negativeSelectors: [],
  enabled: true,
});

beforeAll(async () => {
  session = await startSession();
  await configure(session);
  const generators = [
    row('fx-textarea', 'Textarea Site', 'fill/textarea.html', ['#missing', '#prompt']),
    row('fx-react', 'React Site', 'fill/react.html'),
    row('fx-editor', 'Editor Site', 'fill/editor.html', ['.ProseMirror[contenteditable="true"]']),
    row('fx-late', 'Late Site', 'fill/late.html', ['textarea#prompt']),
    row('fx-shadow', 'Shadow Site', 'fill/shadow.html'),
    row('fx-none', 'Boxless Site', 'capture/blank.html'),
  ];
  await session.worker.evaluate(async (generators) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), generators } });
  }, generators);
  popup = await openPopup(session);
  await (await openComposer(popup)).fill('A lighthouse keeper in a storm at dusk.');
  await popup.getByRole('button', { name: 'Write prompt' }).click();
  await popup.waitForFunction(
    (reply) => (document.querySelector('[data-testid="prompt"]') as HTMLTextAreaElement | null)?.value === reply,
    DEFAULT_REPLY,
    { timeout: 15_000 },
  );
});
afterAll(async () => {
  await session?.close();
});

const fixtureOf = (page: Page) => page.evaluate(() => (window as unknown as { fixture: FixtureState }).fixture);
/** What has the focus, looking into shadow roots: its tag and id. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return `${active?.tagName.toLowerCase()}#${active?.id}${active?.getAttribute('contenteditable') ? '[contenteditable]' : ''}`;
  });

/** Clicks "Open in NAME" in the popup (the popup in front, as when a person clicks it). */
async function openIn(name: string): Promise<void> {
  await popup.bringToFront();
  // The last one used is the button; the others are in its "Other generators" menu.
  const button = popup.getByRole('button', { name: `Open in ${name}` });
  if ((await button.count()) > 0) return button.click();
  await popup.getByRole('button', { name: 'Other generators' }).click();
  await popup.getByRole('menuitem', { name: `Open in ${name}` }).click();
}

async function fillsIn(name: string, path: string): Promise<Page> {
  const [tab] = await Promise.all([session.context.waitForEvent('page', { timeout: 10_000 }), openIn(name)]);
  expect(tab.url()).toContain(path);
  await expect.poll(async () => (await fixtureOf(tab))?.value, { timeout: 15_000 }).toBe(DEFAULT_REPLY);
  await expect
    .poll(() => popup.getByTestId('handoff-status').textContent(), { timeout: 10_000 })
    .toContain(`It is in ${name}'s prompt box`);
  const state = await fixtureOf(tab);
  expect(state.inputs).toBeGreaterThanOrEqual(1);
  expect(state.submits).toBe(0);
  return tab;
}

describe('Open in a site that has no prefill link: the prompt goes into its box', () => {
  it('a plain textarea: selectors tried in order, copied first, focused, nothing submitted', async () => {
    const tab = await fillsIn('Textarea Site', 'fill/textarea.html');
    expect(await focused(tab)).toBe('textarea#prompt');
    expect(await tab.locator('#negative').inputValue()).toBe('');
    expect(await readClipboard(session)).toBe(DEFAULT_REPLY);
  });

  it('focuses a tab already showing the site instead of opening another', async () => {
    const [tab] = session.context.pages().filter((p) => p.url().includes('fill/textarea.html'));
    if (!tab) throw new Error('The textarea fixture tab is gone.');
    await tab.locator('#prompt').fill('');
    const pagesBefore = session.context.pages().length;
    await openIn('Textarea Site');
    await expect.poll(() => tab.locator('#prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    expect(session.context.pages().length).toBe(pagesBefore);
    expect((await fixtureOf(tab)).submits).toBe(0);
  });

  it('a React-controlled input (found by the fallback: its placeholder says imagine)', async () => {
    const tab = await fillsIn('React Site', 'fill/react.html');
    expect(await tab.locator('#prompt').inputValue()).toBe(DEFAULT_REPLY);
    expect(await focused(tab)).toBe('input#prompt');
  });

  it('a contenteditable editor that owns its text (beforeinput)', async () => {
    const tab = await fillsIn('Editor Site', 'fill/editor.html');
    expect(await tab.locator('.editor').textContent()).toBe(DEFAULT_REPLY);
    expect(await focused(tab)).toBe('div#[contenteditable]');
  });

  it('a box that appears after a client-side route change', async () => {
    const tab = await fillsIn('Late Site', 'fill/late.html');
    expect(tab.url()).toContain('?view=create');
  });

  it('a box inside a shadow root (found by the fallback)', async () => {
    const tab = await fillsIn('Shadow Site', 'fill/shadow.html');
    expect(await focused(tab)).toBe('textarea#');
  });

  it('no box at all: the prompt stays on the clipboard and the popup says to paste it', async () => {
    const [tab] = await Promise.all([session.context.waitForEvent('page', { timeout: 10_000 }), openIn('Boxless Site')]);
    await expect
      .poll(() => popup.getByTestId('handoff-status').textContent(), { timeout: 20_000 })
      .toMatch(/Prompt copied\. Promptbrush found no prompt box on Boxless Site\. The prompt is on the clipboard: paste it with Ctrl\+V\./);
    expect(await tab.evaluate((reply) => document.body.textContent?.includes(reply), DEFAULT_REPLY)).toBe(false);
    expect(await readClipboard(session)).toBe(DEFAULT_REPLY);
  });

  it('refused permission: asks for the site only, then copies and opens as before, and says so', async () => {
    await popup.evaluate(() => {
      const asked: unknown[] = [];
      const refuse = (permissions: unknown, callback?: (granted: boolean) => void) => {
        asked.push(permissions);
        callback?.(false);
        return Promise.resolve(false);
      };
      const scope = globalThis as unknown as { chrome?: typeof chrome; browser?: typeof chrome };
      for (const api of [scope.chrome, scope.browser]) {
        if (api?.permissions) Object.assign(api.permissions, { request: refuse });
      }
      Object.assign(globalThis, { asked });
    });
    const [tab] = await Promise.all([session.context.waitForEvent('page', { timeout: 10_000 }), openIn('Editor Site')]);
    await expect
      .poll(() => popup.getByTestId('handoff-status').textContent(), { timeout: 10_000 })
      .toBe("Prompt copied. Without access to localhost, Promptbrush cannot fill Editor Site's prompt box: paste it with Ctrl+V.");
    expect(await popup.evaluate(() => (globalThis as unknown as { asked: unknown[] }).asked)).toEqual([
      { origins: ['http://localhost/*'] },
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(session.pages.url('fill/editor.html'));
    // Give a wrongly started fill time to land: the box must stay empty.
    await tab.waitForTimeout(1000);
    expect(await fixtureOf(tab)).toMatchObject({ value: '', inputs: 0, submits: 0 });
    expect(await readClipboard(session)).toBe(DEFAULT_REPLY);
  });
});

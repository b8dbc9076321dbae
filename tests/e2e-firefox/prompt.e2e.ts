// Firefox: typed text → streamed prompt → Copy, and a page selection through the context menu's
// own handler (the menu itself is browser UI that automation cannot click).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEY } from '../e2e/harness';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import {
  clickButton,
  clickContextMenu,
  configure,
  type FirefoxSession,
  fill,
  inputValue,
  openComposer,
  openPageWithSelection,
  openPopup,
  readClipboard,
  startFirefox,
  textOf,
} from './harness';

let session: FirefoxSession;

beforeAll(async () => {
  session = await startFirefox();
  process.stdout.write(`firefox: launched and installed in ${session.launchTimes.join(', ')} ms\n`);
});
afterAll(async () => {
  await session?.close();
});
beforeEach(() => {
  session.server.reset();
});

describe('Firefox: the prompt path', () => {
  it('typed text: the prompt streams into the popup, and Copy copies exactly what is shown', async () => {
    await configure(session);
    session.server.chat.chunkDelayMs = 40;
    const popup = await openPopup(session);
    await openComposer(popup);
    await fill(popup, '[data-testid="composer"]', 'A red fox asleep in fresh snow under a pine tree.');
    await clickButton(popup, 'Write prompt');

    const prompt = '[data-testid="prompt"]';
    await expect.poll(async () => (await inputValue(popup, prompt)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const partial = await inputValue(popup, prompt);
    expect(DEFAULT_REPLY.startsWith(partial)).toBe(true);
    await expect.poll(() => inputValue(popup, prompt), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    expect(partial.length).toBeLessThan(DEFAULT_REPLY.length);

    const request = session.server.chatRequests().at(-1);
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(request?.headers.origin).toMatch(/^moz-extension:\/\//);
    expect(JSON.stringify(request?.body)).toContain('A red fox asleep in fresh snow');

    await clickButton(popup, 'Copy');
    // The button says so, and a polite live region (one of the page's status regions) tells a screen reader.
    await expect.poll(() => textOf(popup, '.copy button')).toBe('Copied ✓');
    await expect
      .poll(() => popup.$$eval('[role="status"]', (regions) => regions.map((region) => region.textContent).join(' ')))
      .toContain('Prompt copied to the clipboard');
    expect(await readClipboard(session)).toBe(DEFAULT_REPLY);
  });

  it('a selection on a page, through the menu handler: captured by the injected script, prompt in the popup', async () => {
    await configure(session);
    const { text, tabId } = await openPageWithSelection(session, 'article.html', '#first', '#second');
    const popup = await openPopup(session);
    await clickContextMenu(session, tabId, text);

    await expect.poll(() => inputValue(popup, '[data-testid="prompt"]'), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    const body = JSON.stringify(session.server.chatRequests().at(-1)?.body);
    expect(body).toContain('The storm came in at dusk');
    // Page context comes from the capture script injected into the page (not the menu's own
    // selectionText): the title is only known there.
    expect(body).toContain('Page title: The Keeper of Hollow Point');
    await expect.poll(() => textOf(popup, '[data-testid="source-text"]')).toContain('The storm came in at dusk');
    expect(session.pageErrors).toEqual([]);
  });
});

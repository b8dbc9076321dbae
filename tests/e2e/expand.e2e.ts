// The whole path: select text on a page → context menu → prompt streams into the popup → Copy.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import {
  clickContextMenu,
  configure,
  lastUserMessage,
  openComposer,
  openPageWithSelection,
  openPopup,
  readClipboard,
  type Session,
  screenshotPath,
  startSession,
  TEST_KEY,
} from './harness';

let session: Session;
const badgeText = (s: Session) => s.worker.evaluate(() => chrome.action.getBadgeText({}));

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(() => {
  session.server.reset();
});

describe('select → context menu → popup → copy', () => {
  it('sends the selected text, streams the prompt into the popup and copies exactly what is shown', async () => {
    await configure(session);
    session.server.chat.chunkDelayMs = 40;
    const { text, tabId } = await openPageWithSelection(session, 'article.html', '#first', '#second');
    const popup = await openPopup(session);

    await clickContextMenu(session, tabId, text);

    // The prompt streams: the popup shows part of it while the server is still writing.
    const prompt = popup.getByTestId('prompt');
    await expect.poll(async () => (await prompt.inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const partial = await prompt.inputValue();
    expect(DEFAULT_REPLY.startsWith(partial)).toBe(true);
    await expect.poll(() => prompt.inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    expect(partial.length).toBeLessThan(DEFAULT_REPLY.length);
    // Where the popup cannot open by itself, the badge tells that the prompt is ready.
    await expect.poll(() => badgeText(session)).toBe('✓');

    // The server received the selection (both paragraphs, with the break between them) and the key.
    const request = session.server.chatRequests().at(-1);
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(request?.body).toMatchObject({ model: 'fake-chat-mini', stream: true });
    const userMessage = lastUserMessage(session.server);
    expect(userMessage).toContain('The storm came in at dusk');
    expect(userMessage).toMatch(/grey tide\.\n+Old Maren climbed/);
    expect(userMessage).toContain('Page title: The Keeper of Hollow Point');

    // The popup shows the captured text, shortened to a preview.
    await expect.poll(() => popup.getByTestId('source-text').textContent()).toContain('The storm came in at dusk');

    await popup.getByRole('button', { name: 'Copy' }).click();
    // The button says so, and a polite live region tells a screen reader.
    await expect.poll(() => popup.getByRole('button', { name: 'Copied ✓' }).count()).toBe(1);
    expect(await popup.getByRole('status').filter({ hasText: 'Prompt copied to the clipboard' }).count()).toBe(1);
    await popup.screenshot({ path: screenshotPath('popup.png') });
    expect(await readClipboard(session)).toBe(DEFAULT_REPLY);
  });

  it('copies the edited prompt, not the original', async () => {
    await configure(session);
    const popup = await openPopup(session);
    await (await openComposer(popup)).fill('A red fox asleep in fresh snow under a pine tree.');
    await popup.getByRole('button', { name: 'Write prompt' }).click();
    const prompt = popup.getByTestId('prompt');
    await expect.poll(() => prompt.inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    await prompt.fill('My own edited prompt, with a fox.');
    await popup.getByRole('button', { name: 'Copy' }).click();
    expect(await readClipboard(session)).toBe('My own edited prompt, with a fox.');
    expect(lastUserMessage(session.server)).toContain('A red fox asleep in fresh snow');
  });

  it('text pasted over the 2,000,000-character limit: the popup says so, and nothing is sent', async () => {
    await configure(session);
    const popup = await openPopup(session);
    await (await openComposer(popup)).fill('A lighthouse in a storm. '.repeat(80_001));
    await popup.getByRole('button', { name: 'Write prompt' }).click();
    const notice = popup.getByTestId('request-error').locator('[data-error-kind="text-too-long"]');
    await expect.poll(() => notice.textContent()).toContain('Text too long');
    expect(session.server.requests).toHaveLength(0);
  });

  it('without a key: the popup says so, links to settings, and nothing is sent', async () => {
    await configure(session, { apiKey: '' });
    const { text, tabId } = await openPageWithSelection(session, 'article.html', '#third');
    await clickContextMenu(session, tabId, text);
    const popup = await openPopup(session);
    await expect.poll(() => popup.getByTestId('key-missing').isVisible()).toBe(true);
    await expect.poll(() => popup.getByRole('button', { name: 'Open settings' }).count()).toBeGreaterThan(0);
    expect(session.server.requests).toHaveLength(0);
    await expect.poll(() => badgeText(session)).toBe('!');
    const [options] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Open settings' }).first().click(),
    ]);
    await options.waitForLoadState();
    expect(options.url()).toContain('/options.html');
  });
});

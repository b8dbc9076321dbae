// Jobs outlive the popup and the service worker; double clicks send one request; the side panel
// shows the same job.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import {
  clickContextMenu,
  configure,
  openComposer,
  openPageWithSelection,
  openPopup,
  openSidePanelPage,
  type Session,
  startSession,
  stopServiceWorker,
  storedJob,
} from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  session.server.reset();
  for (const page of session.context.pages()) await page.close();
});

const badge = () => session.worker.evaluate(() => chrome.action.getBadgeText({}));

describe('jobs outlive the popup and the worker', () => {
  it('closing the popup mid-stream: the job finishes in the background, the badge says so, reopening shows the prompt', async () => {
    await configure(session);
    session.server.chat.chunkDelayMs = 80;
    const popup = await openPopup(session);
    await (await openComposer(popup)).fill('A lighthouse keeper in a storm at dusk.');
    await popup.getByRole('button', { name: 'Write prompt' }).click();
    await expect.poll(async () => (await popup.getByTestId('prompt').inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await badge()).toBe('…');
    await popup.close();

    await expect.poll(async () => (await storedJob(session))?.status, { timeout: 15_000 }).toBe('ready');
    expect(await badge()).toBe('✓');
    const again = await openPopup(session);
    await expect.poll(() => again.getByTestId('prompt').inputValue()).toBe(DEFAULT_REPLY);
    expect(session.server.chatRequests()).toHaveLength(1);
  });

  it('stopping the worker mid-stream: the job is "interrupted" with its partial text, and Retry completes it', async () => {
    await configure(session);
    session.server.chat.chunkDelayMs = 150;
    // A side panel stays open through it all: it must notice by itself, without a reload.
    const panel = await openSidePanelPage(session);
    const { text, tabId } = await openPageWithSelection(session, 'article.html', '#first');
    await clickContextMenu(session, tabId, text);
    await expect.poll(async () => (await storedJob(session))?.prompt.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(30);

    const before = (await storedJob(session))?.prompt ?? '';
    await stopServiceWorker(session);

    await expect.poll(() => panel.locator('[data-error-kind]').getAttribute('data-error-kind'), { timeout: 10_000 }).toBe('interrupted');
    const popup = await openPopup(session);
    await expect.poll(() => popup.locator('[data-error-kind]').getAttribute('data-error-kind')).toBe('interrupted');
    const partial = await popup.getByTestId('prompt').inputValue();
    expect(partial.startsWith(before)).toBe(true);
    expect(DEFAULT_REPLY.startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(DEFAULT_REPLY.length);
    expect(await popup.getByText('Interrupted').count()).toBeGreaterThan(0);
    expect(await badge()).toBe('!');

    session.server.chat.chunkDelayMs = 5;
    await popup.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    await expect.poll(() => panel.getByTestId('prompt').inputValue()).toBe(DEFAULT_REPLY);
    expect(session.server.chatRequests()).toHaveLength(2);
    expect(await badge()).toBe('✓');
  });

  it('a double click on "Write prompt" sends one request', async () => {
    await configure(session);
    session.server.chat.chunkDelayMs = 20;
    const popup = await openPopup(session);
    await (await openComposer(popup)).fill('A red fox asleep in fresh snow.');
    await popup.getByRole('button', { name: 'Write prompt' }).dblclick();
    // Wait for this job (the popup may still show the previous one for a moment).
    await expect.poll(() => popup.getByTestId('source-text').textContent(), { timeout: 15_000 }).toContain('A red fox asleep');
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    expect(session.server.chatRequests()).toHaveLength(1);
  });

  it('the side panel page shows and drives the same job as the popup', async () => {
    await configure(session);
    session.server.chat.chunkDelayMs = 40;
    const panel = await openSidePanelPage(session);
    const popup = await openPopup(session);
    const historyCount = async () => Number((await panel.getByRole('button', { name: /^History/ }).textContent())?.match(/\((\d+)\)/)?.[1]);
    await expect.poll(historyCount).toBeGreaterThan(0);
    const before = await historyCount();
    await (await openComposer(panel)).fill('A heron standing in a misty river at dawn.');
    await panel.getByRole('button', { name: 'Write prompt' }).click();
    await expect.poll(async () => (await popup.getByTestId('prompt').inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => panel.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    await expect.poll(() => popup.getByTestId('prompt').inputValue()).toBe(DEFAULT_REPLY);
    // The finished prompt reaches history, and the open panel's list follows without a reload.
    await expect.poll(historyCount).toBe(before + 1);
    // The panel has no "Open in side panel" of its own; the popup's (in its "More actions" menu) opens Chrome's side panel.
    await panel.getByRole('button', { name: 'More actions' }).click();
    expect(await panel.getByRole('menuitem', { name: 'Settings' }).count()).toBe(1);
    expect(await panel.getByRole('menuitem', { name: 'Open in side panel' }).count()).toBe(0);
    await popup.getByRole('button', { name: 'More actions' }).click();
    await popup.getByRole('menuitem', { name: 'Open in side panel' }).click();
    await expect
      .poll(() =>
        session.worker.evaluate(async () => {
          const contexts = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] as never });
          return contexts.map((c) => new URL(c.documentUrl ?? '').pathname);
        }),
      )
      .toEqual(['/sidepanel.html']);
  });
});

// The production build itself, as a person installs it: no test hook, no host permission, and
// the whole prompt path still works against an OpenAI-compatible endpoint that accepts browser
// requests (CORS, answered by the fake server's preflight) — with no error in any page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import { configure, openComposer, openOptions, openPopup, PRODUCTION_BUILD, type Session, startSession } from './harness';

let session: Session;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await startSession(PRODUCTION_BUILD);
  session.context.on('page', (page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && page.url().startsWith('chrome-extension://')) pageErrors.push(`${page.url()}: ${message.text()}`);
    });
  });
});
afterAll(async () => {
  await session?.close();
});

describe('the production build', () => {
  it('carries no test hook and no host permission', async () => {
    expect(await session.worker.evaluate(() => '__promptbrushE2E' in globalThis)).toBe(false);
    const origins = await session.worker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
    expect(origins).toEqual([]);
  });

  it('opens the welcome once, on install, where the provider and key are set', async () => {
    const optionsUrl = `chrome-extension://${session.extensionId}/options.html#welcome`;
    await expect.poll(() => session.context.pages().filter((page) => page.url() === optionsUrl).length, { timeout: 10_000 }).toBe(1);
  });

  it('without a key: the popup says so and nothing is sent', async () => {
    const popup = await openPopup(session);
    await expect.poll(() => popup.getByTestId('key-missing').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(session.server.requests).toHaveLength(0);
  });

  it('writes a prompt over plain CORS, without any host permission', async () => {
    await configure(session);
    const popup = await openPopup(session);
    await (await openComposer(popup)).fill('A heron standing in a misty river at dawn.');
    await popup.getByRole('button', { name: 'Write prompt' }).click();
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    const request = session.server.chatRequests().at(-1);
    expect(request?.headers.origin).toBe(`chrome-extension://${session.extensionId}`);
    expect(JSON.stringify(request?.body)).toContain('A heron standing in a misty river at dawn.');
  });

  it('the options page renders its sections, and no page logged an error', async () => {
    const options = await openOptions(session);
    for (const legend of ['Provider', 'Prompt craft', 'Image generation', 'Capture and privacy', 'History', 'Limits']) {
      await expect.poll(() => options.locator('legend', { hasText: legend }).count()).toBeGreaterThan(0);
    }
    expect(pageErrors).toEqual([]);
  });
});

// Firefox: what is kept. The options page saves and reloads (the key never shown again), and
// history, settings and key survive quitting Firefox and starting it on the same profile.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import {
  clickButton,
  configure,
  type FirefoxSession,
  fill,
  inputValue,
  openOptions,
  openPopup,
  restartFirefox,
  startFirefox,
  textOf,
} from './harness';

const KEY = 'sk-test-firefox-options-5a4b3c2d1e';
let session: FirefoxSession;

beforeAll(async () => {
  session = await startFirefox();
});
afterAll(async () => {
  process.stdout.write(`firefox: launched and installed in ${session?.launchTimes.join(', ')} ms\n`);
  await session?.close();
});

async function writePrompt(text: string): Promise<void> {
  const popup = await openPopup(session);
  await fill(popup, '[data-testid="composer"]', text);
  await clickButton(popup, 'Write prompt');
  await expect.poll(() => textOf(popup, '[data-testid="source-text"]'), { timeout: 15_000 }).toContain(text.slice(0, 30));
  await expect.poll(() => inputValue(popup, '[data-testid="prompt"]'), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
  await popup.close();
}

/**
 * The popup with its history list open. The popup lays out again when the last job arrives from
 * storage, which moves the History button: a click computed before that lands elsewhere (puppeteer
 * has no "stable" check as Playwright has), so it clicks until the list is open.
 */
async function openHistory(): Promise<Page> {
  const popup = await openPopup(session);
  const expanded = () => popup.$eval('button.history-toggle', (b) => b.getAttribute('aria-expanded') === 'true').catch(() => false);
  await expect
    .poll(
      async () => {
        if (!(await expanded())) await clickButton(popup, 'History');
        await new Promise((resolve) => setTimeout(resolve, 200));
        return expanded();
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return popup;
}

describe('Firefox: options and history', () => {
  it('options: saves the provider settings and key, keeps them after a reload, never echoes the key', async () => {
    const page = await openOptions(session);
    await fill(page, '#base-url', `${session.server.url}/v1/chat/completions`);
    await fill(page, '#api-key', KEY);
    await fill(page, '#chat-model', 'fake-chat-large');
    await clickButton(page, 'Save');
    await expect.poll(() => textOf(page, '[data-testid="save-status"]')).toContain('Settings saved');
    expect(await inputValue(page, '#api-key')).toBe('');
    await page.close();

    const reloaded = await openOptions(session);
    await expect.poll(() => inputValue(reloaded, '#base-url')).toBe(session.server.baseUrl);
    expect(await inputValue(reloaded, '#chat-model')).toBe('fake-chat-large');
    expect(await inputValue(reloaded, '#api-key')).toBe('');
    expect(await textOf(reloaded, '[data-testid="key-status"]')).toContain('A key is saved');
    expect(await reloaded.content()).not.toContain(KEY);

    await clickButton(reloaded, 'Test connection');
    await expect.poll(() => textOf(reloaded, '[data-testid="test-report"]'), { timeout: 15_000 }).toContain('the key works');
    expect(session.server.requests.length).toBeGreaterThan(0);
    expect(session.server.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('history, settings and key survive a restart of Firefox on the same profile', async () => {
    await configure(session);
    await writePrompt('A red fox asleep in fresh snow under a pine tree.');
    await writePrompt('A lighthouse keeper climbing the stairs in a storm.');
    const items = '[data-testid="history-item"]';
    const before = await openHistory();
    await expect.poll(() => before.$$eval(items, (list) => list.length), { timeout: 10_000 }).toBe(2);

    await restartFirefox(session);
    const popup = await openHistory();
    await expect.poll(() => popup.$$eval(items, (list) => list.length), { timeout: 10_000 }).toBe(2);
    const texts = await popup.$$eval(items, (list) => list.map((item) => item.textContent ?? ''));
    expect(texts.some((text) => text.includes('A red fox asleep'))).toBe(true);
    expect(texts.some((text) => text.includes('A lighthouse keeper climbing'))).toBe(true);

    // The key and settings came through too: a new prompt works without configuring again.
    session.server.reset();
    await writePrompt('A heron standing in a misty river at dawn.');
    expect(session.server.chatRequests()).toHaveLength(1);
    expect(session.pageErrors).toEqual([]);
  });
});

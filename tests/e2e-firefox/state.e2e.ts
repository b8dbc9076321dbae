// Firefox: what is kept. The options page saves and reloads (the key never shown again), and
// history, settings and key survive quitting Firefox and starting it on the same profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import {
  clickButton,
  configure,
  type FirefoxSession,
  fill,
  inExtension,
  inputValue,
  openComposer,
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
  await openComposer(popup);
  await fill(popup, '[data-testid="composer"]', text);
  await clickButton(popup, 'Write prompt');
  await expect.poll(() => textOf(popup, '[data-testid="source-text"]'), { timeout: 15_000 }).toContain(text.slice(0, 30));
  await expect.poll(() => inputValue(popup, '[data-testid="prompt"]'), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
  await popup.close();
}

/** The selections of the prompts in history, read from its IndexedDB database in an extension page. */
const storedSources = () =>
  inExtension(
    session,
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('promptbrush-history');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('prompts').objectStore('prompts').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { job: { source?: { text: string } } }[]).map((entry) => entry.job.source?.text ?? '').sort());
          };
        };
      }),
    null,
  );

describe('Firefox: options and history', () => {
  it('options: saves the provider settings and key as they are typed, keeps them after a reload, never echoes the key', async () => {
    const page = await openOptions(session);
    await fill(page, '#base-url', `${session.server.url}/v1/chat/completions`);
    await fill(page, '#chat-model', 'fake-chat-large');
    await fill(page, '#api-key', KEY);
    // Leaving the key field saves the key (and anything still waiting).
    await page.keyboard.press('Tab');
    await expect.poll(() => textOf(page, '[data-testid="key-status"]')).toContain('A key is saved');
    await expect.poll(() => textOf(page, '[data-testid="save-status"]')).toBe('Saved.');
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
    expect(await storedSources()).toEqual([
      'A lighthouse keeper climbing the stairs in a storm.',
      'A red fox asleep in fresh snow under a pine tree.',
    ]);

    await restartFirefox(session);
    // The popup's History button counts what the background finds in the database…
    const popup = await openPopup(session);
    await popup.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => /^History \(2\)/.test(b.textContent ?? '')), {
      timeout: 10_000,
    });
    // …the list itself (loaded on demand) shows both…
    await clickButton(popup, 'History');
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="history-item"]').length === 2, { timeout: 10_000 });
    // …and the entries themselves are there, as the database holds them.
    expect(await storedSources()).toEqual([
      'A lighthouse keeper climbing the stairs in a storm.',
      'A red fox asleep in fresh snow under a pine tree.',
    ]);

    // The key and settings came through too: a new prompt works without configuring again.
    session.server.reset();
    await writePrompt('A heron standing in a misty river at dawn.');
    expect(session.server.chatRequests()).toHaveLength(1);
    expect(session.pageErrors).toEqual([]);
  });
});

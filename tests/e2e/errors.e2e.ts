// Every failure a provider can cause, as the person sees it in the real popup: the error table's
// words and the Retry or Fix button that leads to the right setting.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_KINDS, type ErrorKind, type ErrorKindInfo } from '../../utils/error-kinds';
import { SETTINGS_FIELDS } from '../../utils/settings-fields';
import { DEFAULT_REPLY, FAILURES, type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';
import { configure, openComposer, openOptions, openPopup, type Session, screenshotPath, startSession } from './harness';

let session: Session;
/** On ::1, which the e2e build has no host permission for, and without CORS headers. */
let unreachable: FakeOpenAI;

beforeAll(async () => {
  session = await startSession();
  unreachable = await startFakeOpenAI(0, '::1');
  unreachable.cors = false;
});
afterAll(async () => {
  await unreachable?.close();
  await session?.close();
});
beforeEach(() => {
  session.server.reset();
});

async function writeFromPopup(text = 'A heron standing in the mist at dawn.'): Promise<Page> {
  const popup = await openPopup(session);
  await (await openComposer(popup)).fill(text);
  await popup.getByRole('button', { name: 'Write prompt' }).click();
  return popup;
}

/** How each failure is caused; the popup must show its row with the row's action. */
const SCENARIOS: [ErrorKind, () => Promise<void>][] = [
  [
    'invalid-key',
    async () => {
      session.server.acceptKey = 'sk-someone-else';
    },
  ],
  [
    'forbidden',
    async () => {
      session.server.chat.fail = FAILURES.forbidden();
    },
  ],
  [
    'ollama-origin',
    async () => {
      session.server.rejectExtensionOrigins = true;
      await configure(session, { provider: 'ollama', apiKey: '' });
    },
  ],
  ['no-permission', async () => configure(session, { baseUrl: unreachable.baseUrl })],
  [
    'model-not-found',
    async () => {
      session.server.chat.fail = FAILURES.modelNotFound();
    },
  ],
  [
    'rate-limited',
    async () => {
      session.server.chat.fail = { ...FAILURES.rateLimited(), headers: { 'retry-after': '120' } };
    },
  ],
  [
    'quota',
    async () => {
      session.server.chat.fail = FAILURES.quota();
    },
  ],
  [
    'server',
    async () => {
      session.server.chat.fail = { ...FAILURES.server(), headers: { 'retry-after': '0' } };
    },
  ],
  ['offline', async () => configure(session, { baseUrl: 'http://127.0.0.1:9/v1' })],
  [
    'stream-cut',
    async () => {
      session.server.chat.dropAfterChunks = 2;
    },
  ],
  [
    'refused',
    async () => {
      session.server.chat.fail = FAILURES.moderation();
    },
  ],
  [
    'too-long',
    async () => {
      session.server.chat.fail = FAILURES.contextLength();
    },
  ],
  [
    'bad-request',
    async () => {
      session.server.chat.fail = FAILURES.badRequest();
    },
  ],
  [
    'timeout',
    async () => {
      session.server.chat.stall = true;
      await configure(session, { requestTimeoutSeconds: 10 });
    },
  ],
];

describe('each provider error in the popup, with its action', () => {
  it.each(SCENARIOS)('%s', async (kind, cause) => {
    await configure(session);
    await cause();
    const popup = await writeFromPopup();
    const notice = popup.locator(`.job [data-error-kind="${kind}"]`);
    await notice.waitFor({ timeout: 20_000 });
    const info: ErrorKindInfo = ERROR_KINDS[kind];
    const text = await notice.textContent();
    expect(text).toContain(info.title);
    expect(text).toContain(info.message);
    expect(await notice.getByTestId('retry').count()).toBe(info.action === 'retry' ? 1 : 0);
    if (info.field) expect(await notice.getByTestId('fix').textContent()).toBe(SETTINGS_FIELDS[info.field]);
    if (info.action !== 'none') expect(await notice.getByRole('button').count()).toBeGreaterThan(0);
    if (kind === 'ollama-origin') await popup.screenshot({ path: screenshotPath('popup-error.png') });
    await popup.close();
  });

  it('missing key: the popup says so, and its button opens Settings at the key field', async () => {
    await configure(session, { apiKey: '' });
    const popup = await openPopup(session);
    await popup.getByTestId('key-missing').waitFor();
    const [options] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Open settings' }).click(),
    ]);
    await options.waitForLoadState();
    expect(new URL(options.url()).hash).toBe('#api-key');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('api-key');
    expect(session.server.requests).toHaveLength(0);
    await Promise.all([popup.close(), options.close()]);
  });

  it('a Fix button opens Settings focused on the field that fixes it', async () => {
    await configure(session);
    session.server.chat.fail = FAILURES.modelNotFound();
    const popup = await writeFromPopup();
    const fix = popup.locator('[data-error-kind="model-not-found"]').getByTestId('fix');
    await fix.waitFor({ timeout: 10_000 });
    const [options] = await Promise.all([session.context.waitForEvent('page'), fix.click()]);
    await options.waitForLoadState();
    expect(new URL(options.url()).hash).toBe('#chat-model');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('chat-model');
    await Promise.all([popup.close(), options.close()]);
  });

  it('Retry writes the prompt once the provider is back', async () => {
    await configure(session);
    session.server.chat.fail = { ...FAILURES.server(), headers: { 'retry-after': '0' } };
    const popup = await writeFromPopup();
    await popup.locator('[data-error-kind="server"]').waitFor({ timeout: 10_000 });
    expect(session.server.chatRequests()).toHaveLength(3);
    session.server.chat.fail = undefined;
    await popup.getByTestId('retry').click();
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 10_000 }).toBe(DEFAULT_REPLY);
    await popup.close();
  });
});

describe('rate limits and quota', () => {
  it('a rate limit is retried automatically, and the popup shows "retrying in N s" meanwhile', async () => {
    await configure(session);
    session.server.chat.fail = { ...FAILURES.rateLimited(), headers: { 'retry-after': '3' } };
    session.server.chat.failTimes = 1;
    const popup = await writeFromPopup();
    const countdown = popup.getByTestId('retry-countdown');
    await countdown.waitFor({ timeout: 10_000 });
    expect(await countdown.textContent()).toMatch(/^Rate limited — retrying in [1-3] s \(attempt 2 of 4\)\.$/);
    await popup.screenshot({ path: screenshotPath('popup-retrying.png') });
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    expect(await countdown.count()).toBe(0);
    const [first, second] = session.server.chatRequests();
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(2900);
    await popup.close();
  });

  it('insufficient quota is not retried: one request, and a billing hint', async () => {
    await configure(session);
    session.server.chat.fail = FAILURES.quota();
    const popup = await writeFromPopup();
    const notice = popup.locator('[data-error-kind="quota"]');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain('Billing');
    await popup.waitForTimeout(1500);
    expect(session.server.chatRequests()).toHaveLength(1);
    expect(await popup.getByTestId('retry-countdown').count()).toBe(0);
    await popup.close();
  });
});

describe('host permission when a new base URL is left', () => {
  it('asks the browser for a new endpoint, and says it is waiting for the answer', async () => {
    await configure(session);
    const options = await openOptions(session);
    await options.locator('#base-url').fill(unreachable.baseUrl);
    // Leaving the field with a key is a user gesture: the browser may ask.
    await options.locator('#base-url').press('Tab');
    // Headless Chromium shows the permission prompt and nobody answers it: the page says why it waits.
    await expect
      .poll(() => options.getByTestId('save-status').textContent(), { timeout: 5000 })
      .toBe("Saved. Answer your browser's question to let Promptbrush connect to [::1].");
    expect(await session.worker.evaluate(() => chrome.permissions.contains({ origins: ['http://[::1]/*'] }))).toBe(false);
    await options.close();
  });
});

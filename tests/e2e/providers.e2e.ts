// The provider settings in real Chromium: live model lists, Test connection, the key's path.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY, type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';
import {
  configure,
  openComposer,
  openOptions,
  openPopup,
  type Session,
  screenshotPath,
  startSession,
  TEST_KEY,
  waitSaved,
} from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(() => {
  session.server.reset();
});

const storedSettings = () =>
  session.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>);

describe('options: the live model list', () => {
  it("lists the fake server's chat models, hides the retired one and flags an upcoming shutdown", async () => {
    session.server.models.push({ id: 'fake-chat-sunset', created: 1_770_000_000, shutdown_date: '2099-01-01' });
    await configure(session, { chatModel: '' });
    const options = await openOptions(session);
    const picker = options.locator('select#chat-model');
    await picker.waitFor({ timeout: 10_000 });
    const labels = await picker.locator('option').allTextContents();
    const values = await picker.locator('option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
    expect(values).toContain('fake-chat-mini');
    expect(values).toContain('fake-chat-large');
    expect(values).not.toContain('fake-chat-retired');
    expect(values).not.toContain('fake-embedding');
    expect(values).not.toContain('fake-image-2');
    expect(labels).toContain('fake-chat-sunset — retires Jan 1, 2099');
    expect(labels[0]).toBe('Automatic (now fake-chat-mini)');
    expect(await options.getByTestId('model-list-status').textContent()).toContain('(1 retired hidden)');
    // The list came from the endpoint, with the saved key.
    const listing = session.server.requests.find((r) => r.path === '/v1/models');
    expect(listing?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });
    await options.close();
  });

  it('reports a saved model that has gone, and switches in one click', async () => {
    await configure(session, { chatModel: 'fake-chat-retired' });
    const options = await openOptions(session, '#chat-model');
    const gone = options.getByTestId('model-gone');
    await gone.waitFor({ timeout: 10_000 });
    expect(await gone.textContent()).toContain('The model “fake-chat-retired” was retired on Jan 1, 2025.');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('chat-model');
    await options.getByRole('button', { name: 'Switch to fake-chat-mini' }).click();
    await expect.poll(async () => (await storedSettings()).chatModel).toBe('fake-chat-mini');
    await expect.poll(() => gone.count()).toBe(0);
    await waitSaved(options);
    expect(await options.getByTestId('save-status').textContent()).toBe('Saved.');
    expect(await options.locator('select#chat-model').inputValue()).toBe('fake-chat-mini');
    await options.close();
  });

  it('offers a text field where the endpoint lists no models', async () => {
    session.server.modelsUnlisted = true;
    await configure(session, { chatModel: '' });
    const options = await openOptions(session);
    await expect
      .poll(() => options.getByTestId('model-list-status').textContent(), { timeout: 10_000 })
      .toContain('does not list its models');
    await options.locator('input#chat-model').fill('llama3.2');
    await options.locator('input#chat-model').press('Tab');
    await expect.poll(async () => (await storedSettings()).chatModel).toBe('llama3.2');
    await waitSaved(options);
    await options.close();
  });
});

describe('options: Test connection', () => {
  it('says in words that it works, then why it does not', async () => {
    await configure(session);
    const options = await openOptions(session);
    await options.getByRole('button', { name: 'Test connection' }).click();
    const report = options.getByTestId('test-report');
    await expect.poll(() => report.getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
    expect(await report.textContent()).toMatch(/the key works, 2 chat models are available, and "fake-chat-mini" answered in \d+ ms/);
    expect(session.server.chatRequests().at(-1)?.body).toMatchObject({ model: 'fake-chat-mini' });

    session.server.acceptKey = 'sk-a-different-key';
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => report.getAttribute('data-error-kind'), { timeout: 10_000 }).toBe('invalid-key');
    expect(await report.textContent()).toContain('The API key was refused: The provider answered 401');
    expect(await report.textContent()).not.toContain(TEST_KEY);
    await options.close();
  });

  it('explains Ollama’s origin check', async () => {
    session.server.rejectExtensionOrigins = true;
    await configure(session, { provider: 'ollama', apiKey: '' });
    const options = await openOptions(session);
    await options.getByRole('button', { name: 'Test connection' }).click();
    const report = options.getByTestId('test-report');
    await expect.poll(() => report.getAttribute('data-error-kind'), { timeout: 10_000 }).toBe('ollama-origin');
    expect(await report.locator('code').textContent()).toBe('OLLAMA_ORIGINS=chrome-extension://*,moz-extension://* ollama serve');
    await options.close();
  });
});

describe('the API key', () => {
  const NEW_KEY = 'sk-e2e-never-leaks-9f8e7d6c5b4a';
  let other: FakeOpenAI;
  beforeAll(async () => {
    other = await startFakeOpenAI();
  });
  afterAll(() => other?.close());

  it('is masked, never in the page after save, and sent only to the configured endpoint', async () => {
    await configure(session, { apiKey: '' });
    // Everything the browser sends, from pages and from the service worker (measured: Playwright
    // reports the worker's requests too), as it is sent.
    const seen: { url: string; text: string }[] = [];
    const record = (request: Request) =>
      void seen.push({ url: request.url(), text: `${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ''}` });
    session.context.on('request', record);
    try {
      const options = await openOptions(session);
      const field = options.locator('#api-key');
      expect(await field.getAttribute('type')).toBe('password');
      await field.fill(NEW_KEY);
      await field.press('Tab');
      await waitSaved(options);
      expect(await options.getByTestId('save-status').textContent()).toBe('Saved.');
      await expect.poll(() => options.getByTestId('key-status').textContent()).toContain(`A key is saved for ${session.server.baseUrl}`);
      expect(await field.inputValue()).toBe('');
      expect(await options.content()).not.toContain(NEW_KEY);
      await options.reload();
      await options.getByTestId('key-status').waitFor();
      expect(await options.content()).not.toContain(NEW_KEY);
      expect(
        await options.evaluate(() => document.body.textContent + JSON.stringify(localStorage) + JSON.stringify(sessionStorage)),
      ).not.toContain(NEW_KEY);

      // Another endpoint in the form (saved as typed): Test and Refresh do not take the key there.
      await options.locator('#base-url').fill(other.baseUrl);
      await options.getByRole('button', { name: 'Test connection' }).click();
      const report = options.getByTestId('test-report');
      await expect.poll(() => report.textContent(), { timeout: 10_000 }).toContain(`The saved key is for ${session.server.baseUrl}`);
      await options.getByRole('button', { name: 'Refresh models' }).click();
      await expect.poll(() => options.getByTestId('model-list-status').textContent()).toContain('Could not load the models');
      expect(other.requests).toHaveLength(0);
      expect((await storedSettings()).baseUrl).toBe(other.baseUrl);
      // Back to the endpoint the key was saved for.
      await options.locator('#base-url').fill(session.server.baseUrl);
      await options.locator('#base-url').press('Tab');
      await expect.poll(async () => (await storedSettings()).baseUrl).toBe(session.server.baseUrl);
      await waitSaved(options);
      expect(other.requests).toHaveLength(0);
      await options.close();

      // A prompt: the key goes to the configured endpoint, and only there.
      const popup = await openPopup(session);
      await (await openComposer(popup)).fill('A heron at dawn.');
      await popup.getByRole('button', { name: 'Write prompt' }).click();
      await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
      expect(session.server.chatRequests().at(-1)?.headers.authorization).toBe(`Bearer ${NEW_KEY}`);
      await popup.close();
    } finally {
      session.context.off('request', record);
    }
    const carrying = seen.filter((r) => r.text.includes(NEW_KEY)).map((r) => r.url);
    // The recording does see the key where it goes (so it would see it anywhere else).
    expect(carrying.length).toBeGreaterThan(0);
    for (const url of carrying) expect(url.startsWith(`${session.server.baseUrl}/`), url).toBe(true);
    expect(JSON.stringify(other.requests)).not.toContain(NEW_KEY);
  });

  it('can be kept only until the browser closes', async () => {
    await configure(session, { apiKey: '' });
    const options = await openOptions(session);
    await options.locator('#api-key').fill(NEW_KEY);
    await options.getByLabel('Keep the key only until the browser closes').check();
    await expect.poll(() => options.getByTestId('key-status').textContent()).toContain('kept until the browser closes');
    await waitSaved(options);
    const stored = await session.worker.evaluate(async () => ({
      local: await chrome.storage.local.get(['apiKey']),
      session: await chrome.storage.session.get(['apiKey']),
    }));
    expect(stored).toEqual({ local: {}, session: { apiKey: NEW_KEY } });
    await options.close();
  });

  it('is out of reach of scripts in web pages (storage restricted to the extension)', async () => {
    await configure(session);
    const page = await session.context.newPage();
    await page.goto(session.pages.url('article.html'));
    const tabId = await session.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id as number, page.url());
    const seenByPage = await session.worker.evaluate(async (tabId) => {
      const [result] = await chrome.scripting.executeScript({
        target: { tabId },
        func: async () => {
          try {
            return JSON.stringify(await chrome.storage.local.get(null));
          } catch (error) {
            return String(error);
          }
        },
      });
      return result?.result as string;
    }, tabId);
    expect(seenByPage).toContain('Access to storage is not allowed from this context');
    expect(seenByPage).not.toContain(TEST_KEY);
    await page.close();
  });
});

describe("Chrome's built-in model where the browser cannot run it (headless Chromium)", () => {
  it('is not offered, and the options page shows no error', async () => {
    await configure(session);
    const options = await session.context.newPage();
    const problems: string[] = [];
    options.on('pageerror', (error) => problems.push(error.message));
    options.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('select#chat-model').waitFor({ timeout: 10_000 });
    const providers = await options.locator('#provider option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
    expect(providers).toEqual(['openai', 'openrouter', 'ollama', 'lmstudio', 'custom']);
    // Headless Chromium 156 has the API, but the model cannot run here (measured: "unavailable").
    expect(
      await options.evaluate(async () =>
        (globalThis as { LanguageModel?: { availability(): Promise<string> } }).LanguageModel?.availability(),
      ),
    ).toBe('unavailable');
    expect(problems).toEqual([]);
    await options.close();
  });

  it('if it was chosen before, the popup says it is not ready and leads to the provider setting', async () => {
    await configure(session, { provider: 'chrome-builtin', apiKey: '' });
    const popup = await openPopup(session);
    await (await openComposer(popup)).fill('A heron at dawn.');
    await popup.getByRole('button', { name: 'Write prompt' }).click();
    const notice = popup.locator('[data-error-kind="builtin-unavailable"]');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.getByTestId('fix').textContent()).toBe('Choose the provider');
    expect(session.server.requests).toHaveLength(0);
    const options = await openOptions(session);
    await expect.poll(() => options.getByTestId('builtin-state').getAttribute('data-state')).toBe('unavailable');
    await popup.close();
    await options.close();
  });
});

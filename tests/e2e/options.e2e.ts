// The options page: the real form, saved as it is changed, reloaded; the key is never shown again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openOptions, type Session, startSession, waitSaved } from './harness';

const KEY = 'sk-test-options-9f8e7d6c5b4a';
let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(() => session.server.reset());

describe('options page', () => {
  it('saves the provider settings and key as they are typed, keeps them after a reload, and never echoes the key', async () => {
    const page = await openOptions(session);
    expect(await page.getByTestId('save-status').textContent()).toBe('Changes are saved as you make them.');
    await page.locator('#base-url').fill(`${session.server.url}/v1/chat/completions`);
    await page.locator('#chat-model').fill('fake-chat-large');
    await page.locator('#api-key').fill(KEY);
    // Leaving the key field saves the key (and anything else still waiting).
    await page.locator('#api-key').press('Tab');
    await waitSaved(page);
    expect(await page.getByTestId('save-status').textContent()).toBe('Saved.');
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('A key is saved');
    expect(await page.locator('#api-key').inputValue()).toBe('');
    // The field shows the base URL as it was saved.
    expect(await page.locator('#base-url').inputValue()).toBe(session.server.baseUrl);

    await page.reload();
    await expect.poll(() => page.locator('#base-url').inputValue()).toBe(session.server.baseUrl);
    // The chat model is a text field until the endpoint's list has loaded, then a list: read it
    // once the list is in (reading it earlier raced the load after the reload).
    await expect.poll(() => page.getByTestId('model-list-status').textContent(), { timeout: 10_000 }).toContain('chat models offered by');
    await expect.poll(() => page.locator('#chat-model').inputValue()).toBe('fake-chat-large');
    expect(await page.locator('#api-key').inputValue()).toBe('');
    expect(await page.getByTestId('key-status').textContent()).toContain('A key is saved');
    expect(await page.content()).not.toContain(KEY);

    // The background has it, and uses it (only) against the configured endpoint.
    const stored = await session.worker.evaluate(async () => (await chrome.storage.local.get('apiKey')).apiKey);
    expect(stored).toBe(KEY);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByTestId('test-report').textContent()).toContain('the key works');
    expect(session.server.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(await page.content()).not.toContain(KEY);
  });

  it('Test connection says plainly why a key is refused', async () => {
    session.server.acceptKey = 'sk-the-only-valid-key';
    const page = await openOptions(session);
    await page.locator('#base-url').fill(session.server.baseUrl);
    await page.locator('#api-key').fill('sk-wrong-key-123456');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const report = page.getByTestId('test-report');
    await expect.poll(() => report.textContent()).toContain('The API key was refused');
    expect(await report.textContent()).not.toContain('sk-wrong-key-123456');
  });

  it('Test connection says when the endpoint cannot be reached', async () => {
    const page = await openOptions(session);
    await page.locator('#base-url').fill('http://127.0.0.1:9/v1');
    await page.locator('#api-key').fill('sk-any-key-123456');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByTestId('test-report').textContent(), { timeout: 20_000 }).toContain('Cannot reach the provider');
  });

  it('a pasted key is saved at once, even if the tab is closed right after', async () => {
    await session.worker.evaluate(() => chrome.storage.local.remove(['apiKey', 'apiKeyEndpoint']));
    const page = await openOptions(session);
    await page.locator('#api-key').focus();
    await page.evaluate((key) => {
      const field = document.getElementById('api-key') as HTMLInputElement;
      field.value = key;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: key }));
    }, KEY);
    await page.close();
    await expect.poll(() => session.worker.evaluate(async () => (await chrome.storage.local.get('apiKey')).apiKey)).toBe(KEY);
  });

  it('removing the key brings back the "add your key" state', async () => {
    const page = await openOptions(session);
    await page.locator('#api-key').fill(KEY);
    await page.locator('#api-key').press('Tab');
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('A key is saved');
    await page.getByRole('button', { name: 'Remove key' }).click();
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('No key saved');
    expect(await page.getByTestId('save-status').textContent()).toBe('The API key was removed from this browser.');
    const stored = await session.worker.evaluate(async () => (await chrome.storage.local.get('apiKey')).apiKey);
    expect(stored).toBeUndefined();
  });
});

// The options page: the real form, saved, reloaded; the key is never shown again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openOptions, type Session, screenshotPath, startSession } from './harness';

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
  it('saves the provider settings and key, keeps them after a reload, and never echoes the key', async () => {
    const page = await openOptions(session);
    await page.locator('#base-url').fill(`${session.server.url}/v1/chat/completions`);
    await page.locator('#api-key').fill(KEY);
    await page.locator('#chat-model').fill('fake-chat-large');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('Settings saved');
    expect(await page.locator('#api-key').inputValue()).toBe('');

    await page.reload();
    await expect.poll(() => page.locator('#base-url').inputValue()).toBe(session.server.baseUrl);
    // The chat model is a text field until the endpoint's list has loaded, then a list: read it
    // once the list is in (reading it earlier raced the load after the reload).
    await expect.poll(() => page.getByTestId('model-list-status').textContent(), { timeout: 10_000 }).toContain('chat models offered by');
    await expect.poll(() => page.locator('#chat-model').inputValue()).toBe('fake-chat-large');
    expect(await page.locator('#api-key').inputValue()).toBe('');
    expect(await page.getByTestId('key-status').textContent()).toContain('A key is saved');
    expect(await page.content()).not.toContain(KEY);
    await page.screenshot({ path: screenshotPath('options.png'), fullPage: true });

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

  it('removing the key brings back the "add your key" state', async () => {
    const page = await openOptions(session);
    await page.locator('#api-key').fill(KEY);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('A key is saved');
    await page.getByRole('button', { name: 'Remove key' }).click();
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('No key saved');
    const stored = await session.worker.evaluate(async () => (await chrome.storage.local.get('apiKey')).apiKey);
    expect(stored).toBeUndefined();
  });
});

// The two ways out of the popup, in real Chromium: generate the image here (Images API through
// the background, against the fake server), or open another generator with the prompt.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY, FAKE_IMAGE_MODELS, IMAGE_FAILURES } from '../fixtures/fake-openai';
import {
  configure,
  openComposer,
  openOptions,
  openPopup,
  readClipboard,
  type Session,
  screenshotPath,
  startSession,
  storedJob,
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
  session.server.models.push(...FAKE_IMAGE_MODELS);
});

/** Settings as the options page would save them, with the image part set. */
async function configureImages(images: Record<string, unknown>) {
  await configure(session);
  await session.worker.evaluate(async (images) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), images } });
  }, images);
}

/** Opens the popup and writes a prompt from typed text (the fake model answers DEFAULT_REPLY). */
async function popupWithPrompt(): Promise<Page> {
  const popup = await openPopup(session);
  await (await openComposer(popup)).fill('A lighthouse keeper in a storm at dusk.');
  await popup.getByRole('button', { name: 'Write prompt' }).click();
  await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
  return popup;
}

/**
 * The address a tab was opened at. The tab is created by the extension, so its first navigation
 * starts before Playwright can intercept it and, with no internet here, ends on Chrome's error
 * page; the tab's history entry still holds the address the person would see.
 */
async function openedAddress(tab: Page): Promise<string> {
  const cdp = await session.context.newCDPSession(tab);
  const history = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return history.entries[history.currentIndex]?.url ?? '';
}

/** Reads the clipboard's PNG from a localhost page (extension pages may not read the clipboard). */
async function readClipboardPng(): Promise<{ types: string[]; bytes: number[] }> {
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.pages.origin });
  const page = await session.context.newPage();
  await page.goto(session.pages.url('article.html'));
  await page.bringToFront();
  const result = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item) return { types: [], bytes: [] };
    const blob = await item.getType('image/png');
    return { types: [...item.types], bytes: [...new Uint8Array(await blob.arrayBuffer())] };
  });
  await page.close();
  return result;
}

describe('Generate image', () => {
  it('streams partial images, shows the result, keeps it when the popup reopens, downloads the exact bytes and copies a PNG', async () => {
    await configureImages({ model: 'gpt-image-2', quality: 'high', format: 'png', count: 1 });
    session.server.images.delayMs = 1000;
    let popup = await popupWithPrompt();

    await popup.getByRole('button', { name: 'Generate image' }).click();
    // A partial image appears while the server is still drawing, with the model and an elapsed time.
    await expect.poll(() => popup.getByTestId('partial-image').count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.getByTestId('image-progress').textContent()).toMatch(/Drawing with gpt-image-2 · 1024×1024 · high quality…\s*\d+ s/);
    expect(session.server.sentImages).toHaveLength(0);

    const result = popup.getByTestId('image-result');
    await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => result.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1024);
    await popup.screenshot({ path: screenshotPath('popup-image.png'), fullPage: true });

    const sent = session.server.imageRequests().at(-1);
    expect(sent?.body).toMatchObject({ model: 'gpt-image-2', prompt: DEFAULT_REPLY, size: '1024x1024', stream: true, partial_images: 2 });

    // Closing the popup loses nothing: the image is read back from the extension's storage.
    await popup.close();
    popup = await openPopup(session);
    await expect.poll(() => popup.getByTestId('image-result').locator('img').count(), { timeout: 10_000 }).toBe(1);

    // Download saves exactly the bytes the server sent, under a name made from the prompt.
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('link', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^a-lone-lighthouse-keeper-on-a-storm-battered-cliff[a-z-]*\.png$/);
    const saved = readFileSync(await download.path());
    expect(saved.equals(Buffer.from(session.server.sentImages[0] ?? '', 'base64'))).toBe(true);

    // Copy image puts a PNG of the same size on the clipboard.
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Copy image' }).click();
    await expect.poll(() => popup.getByText('Image copied to the clipboard').count()).toBe(1);
    const clip = await readClipboardPng();
    expect(clip.types).toContain('image/png');
    const header = Buffer.from(clip.bytes.slice(0, 24));
    expect(header.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([header.readUInt32BE(16), header.readUInt32BE(20)]).toEqual([1024, 1024]);

    // Full size opens over the popup.
    await popup.getByRole('button', { name: 'Full size' }).click();
    await expect.poll(() => popup.getByTestId('image-viewer').isVisible()).toBe(true);
    await popup.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => popup.getByTestId('image-viewer').count()).toBe(0);

    // The generated image is kept in history with its prompt, as bytes (a decoded thumbnail).
    const jobId = (await storedJob(session))?.id ?? '';
    await popup.getByRole('button', { name: /^History/ }).click();
    const entry = popup.locator(`[data-job-id="${jobId}"]`);
    await expect
      .poll(() => entry.getByTestId('history-thumb').evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });

  it('without a chosen model: picks the best listed one, shows progress with elapsed time, and Cancel stops it', async () => {
    await configure(session);
    session.server.models = session.server.models.filter((m) => m.id !== 'gpt-image-2');
    session.server.images.delayMs = 20_000;
    const popup = await popupWithPrompt();
    await popup.getByRole('button', { name: 'Generate image' }).click();
    const progress = popup.getByTestId('image-progress');
    await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toContain('Drawing with fake-image-2');
    expect(await progress.textContent()).toContain('No image model chosen in Settings: using fake-image-2');
    await expect.poll(() => progress.textContent(), { timeout: 5_000 }).toMatch(/[12] s/);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => popup.locator('[data-error-kind="cancelled"]').count(), { timeout: 5_000 }).toBe(1);
    expect(await popup.getByTestId('prompt').inputValue()).toBe(DEFAULT_REPLY);
  });

  it('a refused prompt: says the image step refused it, how to rephrase, and keeps the prompt', async () => {
    await configureImages({ model: 'gpt-image-2', quality: 'auto', format: 'png', count: 1 });
    session.server.images.fail = IMAGE_FAILURES.moderation();
    const popup = await popupWithPrompt();
    await popup.getByRole('button', { name: 'Generate image' }).click();
    const notice = popup.locator('[data-error-kind="image-refused"]');
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('Image refused by the safety system');
    expect(text).toContain('moderation_blocked');
    expect(text).toMatch(/Your prompt is kept: rephrase it/);
    expect(await popup.getByTestId('prompt').inputValue()).toBe(DEFAULT_REPLY);
    expect(await popup.getByRole('button', { name: 'Generate image' }).isEnabled()).toBe(true);
  });
});

describe('Open in another generator', () => {
  it('copies the prompt, then opens ChatGPT with it in the address; the last one used is one click away', async () => {
    await configure(session);
    const popup = await popupWithPrompt();
    const [tab] = await Promise.all([session.context.waitForEvent('page'), popup.getByRole('button', { name: 'Open in ChatGPT' }).click()]);
    await tab.waitForLoadState();
    expect(await openedAddress(tab)).toBe(`https://chatgpt.com/?q=${encodeURIComponent(DEFAULT_REPLY)}`);
    expect(await readClipboard(session)).toBe(DEFAULT_REPLY);
    await tab.close();

    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Other generators' }).click();
    const [bing] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('menuitem', { name: 'Open in Bing Image Creator' }).click(),
    ]);
    await bing.waitForLoadState();
    expect(await openedAddress(bing)).toContain('https://www.bing.com/images/create?q=A%20lone%20lighthouse');
    await bing.close();
    await popup.close();

    const again = await openPopup(session);
    await expect.poll(() => again.getByRole('button', { name: 'Open in Bing Image Creator' }).count(), { timeout: 10_000 }).toBe(1);
  });
});

describe('Settings for images and generators', () => {
  it('shows which image model Automatic uses, and saves quality, count and an edited generator list', async () => {
    await configure(session);
    const options = await openOptions(session);
    await options.getByRole('button', { name: 'Load image models' }).click();
    await expect
      .poll(() => options.getByTestId('image-model-note').textContent(), { timeout: 10_000 })
      .toMatch(/Automatic uses gpt-image-2/);
    await options.getByLabel('Quality').selectOption('high');
    await options.getByLabel('Images per click').fill('2');
    await options.getByRole('button', { name: 'Remove Midjourney' }).click();
    await waitSaved(options);
    expect(await options.getByTestId('save-status').textContent()).toBe('Saved.');
    const stored = await session.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(stored).toMatchObject({ images: { model: '', quality: 'high', format: 'png', count: 2 } });
    const ids = (stored as { generators: { id: string }[] }).generators.map((g) => g.id);
    expect(ids).not.toContain('midjourney');
    expect(ids).toContain('chatgpt');

    await options.getByRole('button', { name: 'Restore defaults' }).click();
    await expect
      .poll(async () => {
        const { settings } = await session.worker.evaluate(() => chrome.storage.local.get('settings'));
        return (settings as { generators: { id: string }[] }).generators.map((g) => g.id);
      })
      .toContain('midjourney');
  });
});

// Prompts from images, in real Chromium: each kind of image the person may right-click (or paste)
// reaches the model as one image part the fake server decodes — JPEG, never over 1024 px — and the
// popup shows exactly what was sent (thumbnail, size, how it was read), or says why nothing was.
//
// Origins: the page server answers as http://localhost:PORT, which the e2e build may reach
// (E2E_HOST_PERMISSIONS: localhost and 127.0.0.1, any port). The second server listens on
// 127.0.0.2 — another loopback address, so another origin, for which the build has no host
// permission — and sends no CORS headers: its images are what a page shows from another site.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatBytes } from '../../utils/bytes';
import type { Job } from '../../utils/job';
import { DEFAULT_REPLY, type VisionImage } from '../fixtures/fake-openai';
import { type PageServer, startPageServer } from '../fixtures/page-server';
import { scenePng } from '../fixtures/png';
import {
  configure,
  grantActiveTab,
  openComposer,
  openPopup,
  type Session,
  screenshotPath,
  startSession,
  storedJob,
  tabIdOf,
} from './harness';

let session: Session;
let foreign: PageServer;

beforeAll(async () => {
  [session, foreign] = await Promise.all([startSession(), startPageServer('127.0.0.2')]);
});
afterAll(async () => {
  await Promise.all([session?.close(), foreign?.close()]);
});
beforeEach(async () => {
  session.server.reset();
  await configure(session);
});
afterEach(async () => {
  for (const page of session.context.pages().slice(1)) await page.close();
});

/** Opens the gallery page showing `src` (set by the page from its address, or here for data: URLs); waits until it loads or fails. */
async function openImage(
  src: string,
  options: { width?: number; link?: boolean } = {},
): Promise<{ page: Page; tabId: number; srcUrl: string }> {
  const page = await session.context.newPage();
  const inQuery = !src.startsWith('data:');
  const query = new URLSearchParams({
    ...(inQuery ? { src } : {}),
    ...(options.width ? { width: String(options.width) } : {}),
    ...(options.link ? { link: '1' } : {}),
  });
  await page.goto(session.pages.url(`image/show.html?${query}`));
  const srcUrl = await page.locator('#image').evaluate(
    async (img: HTMLImageElement, set: string | null) => {
      if (set) img.src = set;
      await img.decode().catch(() => undefined);
      return img.currentSrc || img.src;
    },
    inQuery ? null : src,
  );
  return { page, tabId: await tabIdOf(session, page.url()), srcUrl };
}

/** What a right-click on the image and a click on "Image prompt from this image" (or a target under it) does. */
function clickImageMenu(
  tabId: number,
  srcUrl: string,
  pageUrl: string,
  menuItemId = 'promptbrush/image',
  linkUrl?: string,
): Promise<string> {
  return session.worker.evaluate(
    async ({ tabId, info }) => {
      const hook = (globalThis as unknown as { __promptbrushE2E: { onMenuClick: (info: unknown, tab: unknown) => Promise<string> } })
        .__promptbrushE2E;
      return hook.onMenuClick(info, { id: tabId });
    },
    { tabId, info: { menuItemId, mediaType: 'image', srcUrl, pageUrl, frameId: 0, ...(linkUrl ? { linkUrl } : {}) } },
  );
}

/** Waits for this job (not an earlier one) to finish, and returns it. */
async function finished(jobId: string): Promise<Job> {
  await expect
    .poll(
      async () => {
        const job = await storedJob(session);
        return job?.id === jobId ? job.status : 'not yet';
      },
      { timeout: 20_000 },
    )
    .toMatch(/^(ready|error)$/);
  return (await storedJob(session)) as unknown as Job;
}

/** The one image the server received, checked by the server: a real image of the type it says, at most 1024 px. */
function sentImage(): VisionImage {
  expect(session.server.visionImages).toHaveLength(1);
  const image = session.server.visionImages[0] as VisionImage;
  expect(image).toMatchObject({ mime: 'image/jpeg', declared: 'image/jpeg' });
  expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(1024);
  return image;
}

/** The chat request's messages: system text, then the user's text part and image part. */
function sentMessages(): { system: string; text: string; imageUrl: string } {
  const body = session.server.chatRequests().at(-1)?.body as {
    messages: [{ content: string }, { content: [{ type: string; text: string }, { type: string; image_url: { url: string } }] }];
  };
  const [system, user] = body.messages;
  expect(user.content.map((part) => part.type)).toEqual(['text', 'image_url']);
  return { system: system.content, text: user.content[0].text, imageUrl: user.content[1].image_url.url };
}

/** The popup shows the thumbnail and the facts of exactly what the server received. */
async function expectShownAsSent(popup: Page, image: VisionImage, extra = ''): Promise<void> {
  // The prompt as the target's post-processing made it (Midjourney adds its parameters).
  const prompt = (await storedJob(session))?.prompt ?? '';
  expect(prompt.startsWith(DEFAULT_REPLY)).toBe(true);
  await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(prompt);
  const facts = await popup.getByTestId('source-image-facts').textContent();
  expect(facts).toContain(`${image.width}×${image.height} JPEG, ${formatBytes(image.bytes)}${extra}`);
  const thumb = popup.getByTestId('source-thumb');
  expect(await thumb.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(0);
}

describe('an image right-clicked on a page', () => {
  it('same origin: fetched by the background, sent scaled as JPEG with the image instructions, shown as sent', async () => {
    const { page, tabId, srcUrl } = await openImage('/generated/scene-640x480.png');
    const job = await finished(await clickImageMenu(tabId, srcUrl, page.url(), 'promptbrush/image/target/midjourney'));
    expect(job).toMatchObject({ status: 'ready', target: 'midjourney', aspectRatio: '3:2', source: { image: { via: 'fetch' } } });
    const image = sentImage();
    expect(image).toMatchObject({ width: 640, height: 480 });
    const { system, text } = sentMessages();
    expect(system).toContain('First study the image: its subject');
    expect(system).toContain('Target: Midjourney');
    expect(system).toContain('--ar 3:2');
    expect(text).toContain('Page title: Harbour gallery');
    // The job in storage.session keeps a small thumbnail, never the image sent.
    expect(JSON.stringify(job).length).toBeLessThan(40_000);
    expect(JSON.stringify(job)).not.toContain(sentMessages().imageUrl.slice(30, 90));

    const popup = await openPopup(session);
    await expectShownAsSent(popup, image);
    expect(await popup.getByTestId('source-screenshot').count()).toBe(0);
    // The README's picture of a prompt from an image.
    await popup.screenshot({ path: screenshotPath('popup-image-source.png') });
  });

  it('another site without CORS: a screenshot of the visible part, cropped to the image, and the popup says so', async () => {
    const { page, tabId, srcUrl } = await openImage(`${foreign.origin}/generated/scene-480x320.png`);
    expect(srcUrl.startsWith('http://127.0.0.2:')).toBe(true);
    // What the real context-menu click grants: activeTab on this tab (nothing broader).
    await grantActiveTab(session, page);
    await page.bringToFront();
    const job = await finished(await clickImageMenu(tabId, srcUrl, page.url()));
    expect(job).toMatchObject({ status: 'ready', source: { image: { via: 'screenshot' } } });
    // The image's box at one screenshot pixel per CSS pixel (headless, zoom 100 %).
    expect(sentImage()).toMatchObject({ width: 480, height: 320 });

    const popup = await openPopup(session);
    await expectShownAsSent(popup, sentImage());
    expect(await popup.getByTestId('source-screenshot').textContent()).toContain('A screenshot of the visible part of the image was used');
  });

  it('another site without CORS and without the click that grants activeTab: a clear row, nothing sent', async () => {
    const { page, tabId, srcUrl } = await openImage(`${foreign.origin}/generated/scene-480x320.png`);
    const job = await finished(await clickImageMenu(tabId, srcUrl, page.url()));
    expect(job).toMatchObject({ status: 'error', error: { kind: 'image-unreadable' } });
    expect(session.server.chatRequests()).toHaveLength(0);
    const popup = await openPopup(session);
    await expect.poll(() => popup.getByRole('alert').first().textContent()).toContain('This image cannot be read');
  });

  it('a data: image: read from its address, sent as JPEG of its own size', async () => {
    const dataUrl = `data:image/png;base64,${scenePng(300, 200).toString('base64')}`;
    const { page, tabId, srcUrl } = await openImage(dataUrl);
    expect(srcUrl).toBe(dataUrl);
    const job = await finished(await clickImageMenu(tabId, srcUrl, page.url()));
    expect(job.status).toBe('ready');
    // The job keeps no data: address (it is the image itself).
    expect(job.source?.image?.srcUrl).toBeUndefined();
    expect(job.tab?.srcUrl?.length ?? 0).toBeLessThanOrEqual(2000);
    const image = sentImage();
    expect(image).toMatchObject({ width: 300, height: 200 });
    await expectShownAsSent(await openPopup(session), image);
  });

  it('an image inside a link: the image is sent, not the page the link leads to', async () => {
    const { page, tabId, srcUrl } = await openImage('/generated/scene-800x450.png', { link: true });
    const job = await finished(await clickImageMenu(tabId, srcUrl, page.url(), 'promptbrush/image', 'https://example.com/harbour'));
    expect(job).toMatchObject({ status: 'ready', aspectRatio: '16:9' });
    const image = sentImage();
    expect(image).toMatchObject({ width: 800, height: 450 });
    expect(sentMessages().text).not.toContain('example.com/harbour');
    await expectShownAsSent(await openPopup(session), image);
  });

  it('a 4000 px image: scaled down to 1024 px before sending, and the popup says from what', async () => {
    const { page, tabId, srcUrl } = await openImage('/generated/scene-4000x3000.png', { width: 400 });
    const job = await finished(await clickImageMenu(tabId, srcUrl, page.url()));
    expect(job).toMatchObject({ status: 'ready', source: { image: { originalWidth: 4000, originalHeight: 3000 } } });
    const image = sentImage();
    expect(image).toMatchObject({ width: 1024, height: 768 });
    expect(image.bytes).toBeLessThan(400_000);
    await expectShownAsSent(await openPopup(session), image, ' (scaled down from 4000×3000)');
  });

  it('an SVG image: rasterised in the page (a worker cannot draw SVG), sent at 1024 px', async () => {
    const { page, tabId, srcUrl } = await openImage('/image/drawing.svg');
    const job = await finished(await clickImageMenu(tabId, srcUrl, page.url()));
    expect(job).toMatchObject({ status: 'ready', aspectRatio: '16:9', source: { image: { via: 'page' } } });
    const image = sentImage();
    expect(image).toMatchObject({ width: 1024, height: 512 });
    await expectShownAsSent(await openPopup(session), image);
  });

  it('a broken image: a clear row, nothing sent', async () => {
    const { page, tabId, srcUrl } = await openImage('/generated/missing.png');
    const job = await finished(await clickImageMenu(tabId, srcUrl, page.url()));
    expect(job).toMatchObject({ status: 'error', error: { kind: 'image-unreadable' } });
    expect(job.error?.detail).toContain('did not load');
    expect(session.server.chatRequests()).toHaveLength(0);
    const popup = await openPopup(session);
    await expect.poll(() => popup.getByRole('alert').first().textContent()).toContain('This image cannot be read');
  });

  it('a model that cannot read images: its own row, with the field that fixes it', async () => {
    session.server.chat.refuseImages = 'openrouter';
    const { page, tabId, srcUrl } = await openImage('/generated/scene-640x480.png');
    const job = await finished(await clickImageMenu(tabId, srcUrl, page.url()));
    expect(job).toMatchObject({ status: 'error', error: { kind: 'model-cannot-see' } });
    const popup = await openPopup(session);
    await expect.poll(() => popup.getByRole('alert').first().textContent()).toContain('This model cannot read images');
    await expect.poll(() => popup.getByRole('button', { name: 'Choose another model' }).count()).toBe(1);
  });
});

describe('an image pasted into the popup', () => {
  /** Pastes a PNG file into the composer, as Ctrl/⌘+V does with an image on the clipboard. */
  async function pasteImage(popup: Page, png: Buffer, name: string): Promise<void> {
    await openComposer(popup);
    await expect.poll(() => popup.getByRole('button', { name: 'Use selection on this page' }).isEnabled()).toBe(true);
    await popup.getByTestId('composer').evaluate(
      (box, { b64, name }) => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'image/png' }));
        box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { b64: png.toString('base64'), name },
    );
  }

  it('is scaled down, sent, and shown with its name', async () => {
    const popup = await openPopup(session);
    const before = (await storedJob(session))?.id;
    await pasteImage(popup, scenePng(1200, 900, 2), 'harbour.png');
    await expect.poll(async () => (await storedJob(session))?.id, { timeout: 10_000 }).not.toBe(before);
    const job = await finished((await storedJob(session))?.id as string);
    expect(job).toMatchObject({ status: 'ready', trigger: 'popup-image', source: { image: { via: 'paste', name: 'harbour.png' } } });
    const image = sentImage();
    expect(image).toMatchObject({ width: 1024, height: 768 });
    await expectShownAsSent(popup, image, ' (scaled down from 1200×900)');
  });

  it('turned off in Settings: the paste says so, and nothing is sent', async () => {
    await session.worker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...settings, imageSource: false } });
    });
    const popup = await openPopup(session);
    await pasteImage(popup, scenePng(64, 48), 'small.png');
    await expect
      .poll(() => popup.getByRole('alert').first().textContent(), { timeout: 10_000 })
      .toContain('Prompts from images are turned off');
    expect(session.server.chatRequests()).toHaveLength(0);
  });
});

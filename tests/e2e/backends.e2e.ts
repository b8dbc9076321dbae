// Generating through each image backend in real Chromium, from a selection on a page: the
// OpenAI Images API (covered in images.e2e.ts) and here chat-completion image models
// (OpenRouter-style), AUTOMATIC1111 and ComfyUI against fakes that speak their wire formats.
// The fakes record what they received: the negative prompt, the size from the aspect ratio, the
// seed. Then each backend's failures, each reaching its row of the error table.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { targetMenuId } from '../../utils/background/menus';
import { type FakeA1111, startFakeA1111 } from '../fixtures/fake-a1111';
import { COMFY_CHECKPOINTS, type FakeComfyUI, startFakeComfyUI } from '../fixtures/fake-comfyui';
import {
  clickContextMenu,
  configure,
  openOptions,
  openPageWithSelection,
  openPopup,
  type Session,
  screenshotPath,
  startSession,
  waitSaved,
} from './harness';

const SD_REPLY =
  'Positive prompt: (lighthouse keeper:1.3), spiral staircase, storm, masterpiece\nNegative prompt: blurry, lowres, text\n\nSteps: 30, Sampler: Euler a';

let session: Session;
let sd: FakeA1111;
let comfy: FakeComfyUI;

beforeAll(async () => {
  [session, sd, comfy] = await Promise.all([startSession(), startFakeA1111(), startFakeComfyUI()]);
});
afterAll(async () => {
  await Promise.all([session?.close(), sd?.close(), comfy?.close()]);
});
beforeEach(() => {
  session.server.reset();
  sd.reset();
  comfy.reset();
});

/** The settings the options page would save: the Stable Diffusion target at 16:9, and this image backend. */
async function useBackend(images: Record<string, unknown>): Promise<void> {
  await configure(session);
  await session.worker.evaluate(async (images) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), target: 'stable-diffusion', aspectRatio: '16:9', images } });
  }, images);
}

/** Selects text on a page, runs the context menu's Stable Diffusion item, and opens the popup on the written prompt. */
async function promptFromSelection(): Promise<Page> {
  session.server.chat.reply = SD_REPLY;
  const { text, tabId } = await openPageWithSelection(session, 'article.html', '#first');
  const popup = await openPopup(session);
  await clickContextMenu(session, tabId, text, 0, targetMenuId('stable-diffusion'));
  await expect.poll(() => popup.getByTestId('negative-prompt').inputValue(), { timeout: 15_000 }).toBe('blurry, lowres, text');
  return popup;
}

const generate = (popup: Page) => popup.getByRole('button', { name: /^Generate (image|again)$/ }).click();

async function imageShown(popup: Page, count = 1): Promise<void> {
  const results = popup.getByTestId('image-result');
  await expect.poll(() => results.count(), { timeout: 20_000 }).toBe(count);
  await expect
    .poll(
      () =>
        results
          .first()
          .locator('img')
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
}

async function errorShown(popup: Page, kind: string): Promise<string> {
  const notice = popup.locator(`[data-error-kind="${kind}"]`);
  await expect.poll(() => notice.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  return (await notice.first().textContent()) ?? '';
}

/** The history database's image records, oldest first, read in the worker. */
async function historyImages(): Promise<Record<string, unknown>[]> {
  return session.worker.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('promptbrush-history');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('images').objectStore('images').getAll();
          all.onsuccess = () => {
            const records = (all.result as Record<string, unknown>[]).map(({ thumb: _thumb, ...rest }) => rest);
            resolve(records.sort((a, b) => (a.createdAt as number) - (b.createdAt as number)));
            open.result.close();
          };
        };
      }),
  );
}

describe('AUTOMATIC1111 / Forge', () => {
  it('from a selection: negative prompt, 16:9 at SDXL scale and the seed reach txt2img; progress with a preview; the image, its seed; Same seed and New seed; history keeps how it was drawn', async () => {
    await useBackend({ backend: 'a1111', baseUrl: sd.url, seed: 4242, steps: 20, cfg: 6, count: 1 });
    sd.drawMs = 2_500;
    const popup = await promptFromSelection();
    const prompt = await popup.getByTestId('prompt').inputValue();
    await generate(popup);

    const percent = popup.getByTestId('image-percent');
    await expect.poll(async () => Number(((await percent.textContent()) ?? '').replace(/\D/g, '')), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => popup.getByTestId('partial-image').count(), { timeout: 10_000 }).toBe(1);
    await popup.screenshot({ path: screenshotPath('popup-a1111-progress.png') });
    await imageShown(popup);

    expect(sd.txt2imgRequests()[0]?.body).toMatchObject({
      prompt,
      negative_prompt: 'blurry, lowres, text',
      width: 1344,
      height: 768,
      seed: 4242,
      steps: 20,
      cfg_scale: 6,
      batch_size: 1,
    });
    await expect.poll(() => popup.getByTestId('image-seed').textContent()).toContain('Seed 4242');
    const img = popup.getByTestId('image-result').locator('img');
    expect(await img.evaluate((el) => [(el as HTMLImageElement).naturalWidth, (el as HTMLImageElement).naturalHeight])).toEqual([
      1344, 768,
    ]);

    const records = await historyImages();
    expect(records.at(-1)).toMatchObject({
      backend: 'a1111',
      seed: 4242,
      width: 1344,
      height: 768,
      prompt,
      negativePrompt: 'blurry, lowres, text',
    });

    sd.drawMs = 200;
    await popup.getByRole('button', { name: 'New seed' }).click();
    await expect.poll(() => sd.txt2imgRequests().length, { timeout: 10_000 }).toBe(2);
    expect(sd.txt2imgRequests()[1]?.body).toMatchObject({ seed: -1 });
    await expect.poll(() => popup.getByTestId('image-seed').textContent(), { timeout: 10_000 }).not.toContain('Seed 4242');
    const fresh = Number(/Seed (\d+)/.exec((await popup.getByTestId('image-seed').textContent()) ?? '')?.[1]);
    expect(fresh).toBeGreaterThan(0);
    await popup.getByRole('button', { name: 'Same seed' }).click();
    await expect.poll(() => sd.txt2imgRequests().length, { timeout: 10_000 }).toBe(3);
    expect(sd.txt2imgRequests()[2]?.body).toMatchObject({ seed: fresh });
    await imageShown(popup);
  });

  it('Cancel interrupts the web UI; out of GPU memory, not running and refusing the extension each show their row', async () => {
    await useBackend({ backend: 'a1111', baseUrl: sd.url, count: 1 });
    sd.drawMs = 30_000;
    const popup = await promptFromSelection();
    await generate(popup);
    await expect.poll(() => sd.txt2imgRequests().length, { timeout: 10_000 }).toBe(1);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await errorShown(popup, 'cancelled');
    await expect.poll(() => sd.interrupts, { timeout: 5_000 }).toBe(1);

    sd.outOfMemory = true;
    await generate(popup);
    expect(await errorShown(popup, 'gpu-out-of-memory')).toContain('CUDA out of memory');

    // Nothing listening at the address.
    await useBackend({ backend: 'a1111', baseUrl: 'http://127.0.0.1:9', count: 1 });
    await generate(popup);
    const offline = await errorShown(popup, 'local-offline');
    expect(offline).toContain('--api --cors-allow-origins');
    expect(offline).toContain(`chrome-extension://${session.extensionId}`);
  });

  it('a web UI the extension has no host access to, started without the CORS flag: "refused the extension", with the flags', async () => {
    const elsewhere = await startFakeA1111('::1');
    try {
      elsewhere.allowOrigins = null;
      await useBackend({ backend: 'a1111', baseUrl: elsewhere.url, count: 1 });
      const popup = await promptFromSelection();
      await generate(popup);
      const text = await errorShown(popup, 'local-refused');
      expect(text).toContain(`--cors-allow-origins=chrome-extension://${session.extensionId}`);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('ComfyUI', () => {
  it('from a selection: the built-in workflow gets the prompt, negative prompt, 16:9 size and seed; progress over the socket with a preview; the image and its seed', async () => {
    await useBackend({ backend: 'comfyui', baseUrl: comfy.url, seed: 777, steps: 12, count: 2 });
    comfy.drawMs = 2_500;
    const popup = await promptFromSelection();
    const prompt = await popup.getByTestId('prompt').inputValue();
    await generate(popup);
    const percent = popup.getByTestId('image-percent');
    await expect.poll(async () => Number(((await percent.textContent()) ?? '').replace(/\D/g, '')), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => popup.getByTestId('partial-image').count(), { timeout: 10_000 }).toBe(1);
    await imageShown(popup, 2);
    await popup.screenshot({ path: screenshotPath('popup-comfyui.png'), fullPage: true });

    const graph = comfy.prompts[0] as Record<string, { inputs: Record<string, unknown> }>;
    expect(graph['6']?.inputs.text).toBe(prompt);
    expect(graph['7']?.inputs.text).toBe('blurry, lowres, text');
    expect(graph['5']?.inputs).toMatchObject({ width: 1344, height: 768, batch_size: 2 });
    expect(graph['3']?.inputs).toMatchObject({ seed: 777, steps: 12 });
    expect(graph['4']?.inputs.ckpt_name).toBe(COMFY_CHECKPOINTS[0]);
    expect(comfy.requests.some((r) => r.path === '/ws')).toBe(true);
    const seeds = await popup.getByTestId('image-seed').allTextContents();
    expect(seeds.every((s) => s.includes('Seed 777'))).toBe(true);
    const records = await historyImages();
    expect(records.filter((r) => r.backend === 'comfyui')).toHaveLength(2);
  });

  it('Cancel interrupts and dequeues; a missing checkpoint, a broken workflow, out of memory, the origin check and not running each show their row', async () => {
    await useBackend({ backend: 'comfyui', baseUrl: comfy.url, count: 1 });
    comfy.drawMs = 30_000;
    const popup = await promptFromSelection();
    await generate(popup);
    await expect.poll(() => comfy.prompts.length, { timeout: 10_000 }).toBe(1);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await errorShown(popup, 'cancelled');
    await expect.poll(() => comfy.interrupts, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => comfy.deleted.length, { timeout: 5_000 }).toBe(1);

    comfy.drawMs = 300;
    await useBackend({ backend: 'comfyui', baseUrl: comfy.url, model: 'missing.safetensors', count: 1 });
    await generate(popup);
    expect(await errorShown(popup, 'checkpoint-missing')).toContain('missing.safetensors');

    await useBackend({ backend: 'comfyui', baseUrl: comfy.url, workflow: '{"nodes": [], "links": []}', count: 1 });
    await generate(popup);
    expect(await errorShown(popup, 'workflow-invalid')).toContain('Export (API)');

    await useBackend({ backend: 'comfyui', baseUrl: comfy.url, count: 1 });
    comfy.outOfMemory = true;
    await generate(popup);
    await errorShown(popup, 'gpu-out-of-memory');

    comfy.outOfMemory = false;
    comfy.enableCors = false;
    await generate(popup);
    expect(await errorShown(popup, 'local-refused')).toContain('--enable-cors-header');

    await useBackend({ backend: 'comfyui', baseUrl: 'http://127.0.0.1:9', count: 1 });
    await generate(popup);
    expect(await errorShown(popup, 'local-offline')).toContain('--enable-cors-header');
  });
});

describe('chat-completion image models (OpenRouter-style)', () => {
  it('from a selection: modalities and the aspect ratio go in the chat request, the image comes back from the message; a text-only model says it cannot draw', async () => {
    await useBackend({ backend: 'chat-images', sameAsChat: true, model: 'google/gemini-2.5-flash-image', count: 1 });
    const popup = await promptFromSelection();
    const prompt = await popup.getByTestId('prompt').inputValue();
    await generate(popup);
    await imageShown(popup);
    const request = session.server.chatRequests().find((r) => (r.body as { modalities?: string[] }).modalities);
    expect(request?.body).toMatchObject({
      model: 'google/gemini-2.5-flash-image',
      modalities: ['image', 'text'],
      image_config: { aspect_ratio: '16:9' },
      messages: [{ role: 'user', content: prompt }],
      stream: true,
    });
    const img = popup.getByTestId('image-result').locator('img');
    expect(await img.evaluate((el) => [(el as HTMLImageElement).naturalWidth, (el as HTMLImageElement).naturalHeight])).toEqual([
      1368, 768,
    ]);
    expect((await historyImages()).at(-1)).toMatchObject({ backend: 'chat-images', model: 'google/gemini-2.5-flash-image', prompt });

    session.server.chatImages.mode = 'text-only';
    await generate(popup);
    expect(await errorShown(popup, 'not-image-model')).toContain('I can only describe images');
  });
});

describe('Settings › Image generation', () => {
  it('picking ComfyUI, Test says it answers and lists its checkpoints; the backend and its address save themselves', async () => {
    await configure(session);
    const options = await openOptions(session);
    await options.locator('#image-backend').selectOption('comfyui');
    await options.locator('#image-base-url').fill(comfy.url);
    await options.getByRole('button', { name: 'Test image backend' }).click();
    const report = options.getByTestId('test-report').last();
    await expect.poll(() => report.getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
    expect(await report.textContent()).toContain(`${COMFY_CHECKPOINTS.length} checkpoints: ${COMFY_CHECKPOINTS.join(', ')}`);
    await waitSaved(options);
    expect(await options.getByTestId('save-status').textContent()).toBe('Saved.');
    const stored = await session.worker.evaluate(
      async () => ((await chrome.storage.local.get('settings')).settings as { images: unknown }).images,
    );
    expect(stored).toMatchObject({ backend: 'comfyui', baseUrl: comfy.url, sameAsChat: false });
  });
});

// 9. The extension's overhead on an image request, per backend, against the fakes: from the click
// on "Generate image" to the drawing request at the server, and from the final image ready at the
// server to its pixels decoded in the popup. The fakes draw in a fixed, short time, so what is
// measured is the extension's own path (settings and key, model or checkpoint lookups, the
// background's run, history, the popup reading the bytes).
import type { Page, Worker } from 'playwright-core';
import type { ImageBackendKind } from '../../utils/image-backend-kinds';
import type { FakeA1111 } from '../fixtures/fake-a1111';
import type { FakeComfyUI } from '../fixtures/fake-comfyui';
import { type FakeOpenAI, preciseNow, type RecordedRequest } from '../fixtures/fake-openai';
import type { ClockOffset } from './clock';
import { type Summary, summarize } from './stats';

export interface ImageBackendTimes {
  clickToRequestMs: Summary;
  finalToPixelsMs: Summary;
}

export interface ImageServers {
  openai: FakeOpenAI;
  a1111: FakeA1111;
  comfyui: FakeComfyUI;
}

type BenchWindow = Window & { __promptbrushImages?: { loaded: number[]; clicks: number[] } };

/** Records, in the page, every click and every result image whose pixels are decoded. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as BenchWindow;
    if (w.__promptbrushImages) return;
    const trace = { loaded: [] as number[], clicks: [] as number[] };
    w.__promptbrushImages = trace;
    const now = () => performance.timeOrigin + performance.now();
    document.addEventListener('click', () => trace.clicks.push(now()), { capture: true });
    const seen = new WeakSet<HTMLImageElement>();
    const watch = () => {
      for (const img of document.querySelectorAll<HTMLImageElement>('[data-testid="image-result"] img')) {
        if (seen.has(img)) continue;
        seen.add(img);
        const done = () =>
          void img.decode().then(
            () => trace.loaded.push(now()),
            () => undefined,
          );
        if (img.complete && img.naturalWidth > 0) done();
        else img.addEventListener('load', done, { once: true });
      }
    };
    new MutationObserver(watch).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
  });
}

const SETUPS: Record<
  ImageBackendKind,
  (servers: ImageServers) => { images: Record<string, unknown>; drawing: (s: ImageServers) => RecordedRequest[] }
> = {
  'openai-images': () => ({
    images: { backend: 'openai-images', sameAsChat: true, model: 'fake-image-2', count: 1 },
    drawing: (s) => s.openai.imageRequests(),
  }),
  'chat-images': () => ({
    images: { backend: 'chat-images', sameAsChat: true, model: 'google/gemini-2.5-flash-image', count: 1 },
    drawing: (s) => s.openai.chatRequests().filter((r) => (r.body as { modalities?: unknown }).modalities),
  }),
  a1111: (servers) => ({
    images: { backend: 'a1111', baseUrl: servers.a1111.url, count: 1 },
    drawing: (s) => s.a1111.txt2imgRequests(),
  }),
  comfyui: (servers) => ({
    images: { backend: 'comfyui', baseUrl: servers.comfyui.url, count: 1 },
    drawing: (s) => s.comfyui.requests.filter((r) => r.path === '/prompt'),
  }),
};

export async function imageBackendRuns(
  popup: Page,
  worker: Worker,
  servers: ImageServers,
  runs: { warmup: number; runs: number },
  clock: ClockOffset,
): Promise<Record<ImageBackendKind, ImageBackendTimes>> {
  await instrument(popup);
  servers.openai.images = { ...servers.openai.images, partials: 0, delayMs: 50 };
  servers.openai.chatImages = { mode: 'image', delayMs: 50 };
  servers.a1111.drawMs = 300;
  servers.comfyui.drawMs = 300;
  let finalAt = 0;
  const final = () => {
    finalAt = preciseNow();
  };
  servers.openai.onImageFinal = final;
  servers.a1111.onFinal = final;
  servers.comfyui.onFinal = final;
  const toNode = (pageTime: number) => pageTime - clock.offsetMs;
  const out = {} as Record<ImageBackendKind, ImageBackendTimes>;
  for (const kind of Object.keys(SETUPS) as ImageBackendKind[]) {
    const setup = SETUPS[kind](servers);
    await worker.evaluate(async (images) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), images } });
    }, setup.images);
    const clickToRequest: number[] = [];
    const finalToPixels: number[] = [];
    for (let run = 0; run < runs.warmup + runs.runs; run++) {
      const before = setup.drawing(servers).length;
      const loadedBefore = await popup.evaluate(() => (window as BenchWindow).__promptbrushImages?.loaded.length ?? 0);
      await popup.getByRole('button', { name: /^Generate (image|again)$/ }).click();
      await popup.waitForFunction((n) => ((window as BenchWindow).__promptbrushImages?.loaded.length ?? 0) > n, loadedBefore, {
        timeout: 30_000,
      });
      const trace = await popup.evaluate(() => (window as BenchWindow).__promptbrushImages as { loaded: number[]; clicks: number[] });
      const request = setup.drawing(servers)[before];
      const click = trace.clicks.at(-1);
      const pixels = trace.loaded[loadedBefore];
      if (!request || click === undefined || pixels === undefined)
        throw new Error(`${kind} run ${run}: no request at the server, or no image in the popup`);
      if (run < runs.warmup) continue;
      clickToRequest.push(request.receivedAt - toNode(click));
      finalToPixels.push(toNode(pixels) - finalAt);
    }
    out[kind] = { clickToRequestMs: summarize(clickToRequest), finalToPixelsMs: summarize(finalToPixels) };
  }
  return out;
}

// Browser glue: gets the pixels of the image the person right-clicked without asking for any site,
// trying in order:
//   1. fetch from the background, where the click grants access (the tab's own origin), the
//      server allows it (CORS), or the address is the image itself (data:);
//   2. the image script in the page (utils/capture-image.ts), where the page may read it: its own
//      images, CORS-enabled ones, data: and blob: URLs, SVG rasterised;
//   3. a screenshot of the visible tab (the click's activeTab allows it), cropped to the image.
// Where none works, a row of the error table that says why; never a broad host permission.
import { browser } from 'wxt/browser';
import { PromptbrushError } from '../errors';
import { cropInShot, IMAGE_SRC_GLOBAL, MAX_SOURCE_IMAGE_BYTES, type PageImage, parsePageImage } from '../image-source';
import { decodeDataUrl, decodeImage } from './image-shrink';

export interface ImageTarget {
  tabId: number;
  frameId?: number;
  srcUrl: string;
}

export interface FoundImage {
  bitmap: ImageBitmap;
  via: 'fetch' | 'page' | 'screenshot';
}

const FETCH_TIMEOUT_MS = 15_000;

const BROKEN = 'The image did not load on the page: it may be broken, removed, or still loading. Reload the page and try again.';
const NOT_VISIBLE =
  'The page does not let extensions read this image (another site serves it without permission to read it), and it is not on screen to capture: scroll it into view and try again, or save it and paste it into the box below.';
const PAGE_CLOSED =
  'Browsers do not let extensions read this page (browser pages, the web store, the PDF viewer), or the tab is no longer showing it. Save the image and paste it into the box below.';

function stopIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new PromptbrushError('cancelled');
}

/** 1. The background's own request: works where the click or the server allows it, fails quietly elsewhere. */
async function fetchImage(srcUrl: string, signal: AbortSignal): Promise<ImageBitmap | null> {
  if (!/^(https?|data):/i.test(srcUrl)) return null;
  try {
    const response = await fetch(srcUrl, { signal: AbortSignal.any([signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]) });
    if (!response.ok || Number(response.headers.get('content-length') ?? 0) > MAX_SOURCE_IMAGE_BYTES) return null;
    const blob = await response.blob();
    return blob.size > 0 && blob.size <= MAX_SOURCE_IMAGE_BYTES ? await decodeImage(blob) : null;
  } catch {
    return null;
  }
}

/** 2. The image script, in the frame the menu was clicked in; null where scripts may not run. */
async function readInPage({ tabId, frameId, srcUrl }: ImageTarget): Promise<PageImage | null> {
  const target = { tabId, frameIds: [frameId ?? 0] };
  try {
    await browser.scripting.executeScript({
      target,
      func: (name: string, src: string) => {
        (globalThis as Record<string, unknown>)[name] = src;
      },
      args: [IMAGE_SRC_GLOBAL, srcUrl],
    });
    const [result] = await browser.scripting.executeScript({ target, files: ['/capture-image.js'] });
    return parsePageImage(result?.result);
  } catch {
    return null;
  }
}

/** 3. The visible part of the image, from a screenshot of the tab (top frame only: a frame's box is its own). */
async function screenshot({ tabId, frameId }: ImageTarget, page: PageImage): Promise<ImageBitmap | null> {
  if (!page.box || (frameId ?? 0) !== 0) return null;
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active || tab.windowId === undefined) return null;
    const shot = await decodeDataUrl(await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' }));
    if (!shot) return null;
    const crop = cropInShot(page.box, page.viewport, shot);
    const cropped = crop ? await createImageBitmap(shot, crop.x, crop.y, crop.width, crop.height) : null;
    shot.close();
    return cropped;
  } catch {
    return null;
  }
}

export async function findImage(target: ImageTarget, signal: AbortSignal): Promise<FoundImage> {
  const fetched = await fetchImage(target.srcUrl, signal);
  stopIfCancelled(signal);
  if (fetched) return { bitmap: fetched, via: 'fetch' };
  const page = await readInPage(target);
  stopIfCancelled(signal);
  const read = page?.dataUrl ? await decodeDataUrl(page.dataUrl) : null;
  if (read) return { bitmap: read, via: 'page' };
  if (page?.problem === 'broken') throw new PromptbrushError('image-unreadable', BROKEN);
  const shot = page ? await screenshot(target, page) : null;
  stopIfCancelled(signal);
  if (shot) return { bitmap: shot, via: 'screenshot' };
  throw new PromptbrushError('image-unreadable', page ? NOT_VISIBLE : PAGE_CLOSED);
}

// An image as the source of a job: what the job keeps of it (the facts of what was sent and a small
// thumbnail, never the image itself), the bounds on what is sent, the geometry of a screenshot crop,
// and the check of what the page's image script returns. Pure.

/** Longest side of the image sent to the model, in pixels. */
export const MAX_SENT_SIDE = 1024;
/** The format and quality of what is sent (JPEG: every vision model reads it). */
export const SENT_MIME = 'image/jpeg';
export const SENT_QUALITY = 0.85;
/** Sides tried for the thumbnail the job and history keep, largest first, until it fits MAX_THUMB_CHARS. */
export const THUMB_SIDES = [192, 128, 96] as const;
/** Largest thumbnail data URL kept on the job (storage.session) and in history. */
export const MAX_THUMB_CHARS = 30_000;
/** Largest image taken from a page, a paste or a drop, in bytes (it is scaled down before sending). */
export const MAX_SOURCE_IMAGE_BYTES = 25 * 1024 * 1024;
/** The largest data URL a page may send the background for that (base64 and its header). */
export const MAX_IMAGE_DATA_URL_CHARS = Math.ceil((MAX_SOURCE_IMAGE_BYTES * 4) / 3) + 100;

/** How the pixels were obtained. */
export const IMAGE_VIA = ['fetch', 'page', 'screenshot', 'paste'] as const;
export type ImageVia = (typeof IMAGE_VIA)[number];

/** What a job keeps of its source image: enough to show what was sent, never the image itself. */
export interface SourceImage {
  via: ImageVia;
  /** What was sent: pixels, format and bytes. */
  width: number;
  height: number;
  mime: string;
  bytes: number;
  /** The image as found, before it was scaled down. */
  originalWidth: number;
  originalHeight: number;
  /** A small data URL of exactly what was sent (at most MAX_THUMB_CHARS). */
  thumbnail: string;
  /** The image's http(s) address (never a data: or blob: URL, which are the image itself). */
  srcUrl?: string;
  /** The name of a pasted or dropped file. */
  name?: string;
}

/** What the popup says about how the image was read, when there is something to say. */
export const VIA_NOTES: Partial<Record<ImageVia, string>> = {
  screenshot:
    'A screenshot of the visible part of the image was used: the page does not let extensions read the image itself. Scroll the whole image into view for a complete one.',
};

export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  x: number;
  y: number;
}

/** The size that fits within `max` on its long side, keeping the proportions (never enlarged). */
export function fitWithin(width: number, height: number, max: number): Size {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Where an element's box (CSS pixels, relative to the viewport) lies in a screenshot of that
 * viewport: only its visible part, scaled by the screenshot's pixels per CSS pixel (the device
 * pixel ratio and the zoom), in whole pixels. Null when nothing of it is visible.
 */
export function cropInShot(box: Box, viewport: Size, shot: Size): Box | null {
  if (viewport.width <= 0 || viewport.height <= 0) return null;
  const left = Math.max(0, box.x);
  const top = Math.max(0, box.y);
  const right = Math.min(viewport.width, box.x + box.width);
  const bottom = Math.min(viewport.height, box.y + box.height);
  if (right - left < 1 || bottom - top < 1) return null;
  const sx = shot.width / viewport.width;
  const sy = shot.height / viewport.height;
  const x = Math.round(left * sx);
  const y = Math.round(top * sy);
  const width = Math.min(shot.width - x, Math.round(right * sx) - x);
  const height = Math.min(shot.height - y, Math.round(bottom * sy) - y);
  return width >= 1 && height >= 1 ? { x, y, width, height } : null;
}

/** What the image script (utils/capture-image.ts) returns from the page. */
export interface PageImage {
  /** The pixels, as a PNG data URL, when the page may read them. */
  dataUrl?: string;
  /** Why there are none: the image did not load, or it is another site's that does not allow reading. */
  problem?: 'broken' | 'cross-origin';
  /** The image's box (CSS pixels, relative to the viewport) and the viewport, for a screenshot. */
  box?: Box;
  viewport: Size;
  title: string;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const asObject = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null);

/** Checks what came back from the page: the page could have tampered with anything. */
export function parsePageImage(value: unknown): PageImage | null {
  const raw = asObject(value);
  const viewport = asObject(raw?.viewport);
  if (!raw || !viewport || !isNumber(viewport.width) || !isNumber(viewport.height)) return null;
  const box = asObject(raw.box);
  const validBox = box && [box.x, box.y, box.width, box.height].every(isNumber) ? (box as unknown as Box) : undefined;
  const dataUrl =
    typeof raw.dataUrl === 'string' && raw.dataUrl.length <= MAX_IMAGE_DATA_URL_CHARS && raw.dataUrl.startsWith('data:image/')
      ? raw.dataUrl
      : undefined;
  const problem = raw.problem === 'broken' || raw.problem === 'cross-origin' ? raw.problem : undefined;
  return {
    ...(dataUrl ? { dataUrl } : {}),
    ...(problem ? { problem } : {}),
    ...(validBox ? { box: { x: validBox.x, y: validBox.y, width: validBox.width, height: validBox.height } } : {}),
    viewport: { width: viewport.width, height: viewport.height },
    title: typeof raw.title === 'string' ? raw.title.slice(0, 1000) : '',
  };
}

/** A data URL's type and base64 body, or null when it is not a base64 data URL. */
export function splitDataUrl(url: string): { mime: string; base64: string } | null {
  const match = /^data:([a-z]+\/[a-z0-9.+-]+)(?:;[^,;]*)*;base64,/i.exec(url);
  return match ? { mime: (match[1] as string).toLowerCase(), base64: url.slice(match[0].length) } : null;
}

/** The address worth keeping and showing: http(s) only (data: and blob: URLs are the image itself). */
export function shownSrcUrl(srcUrl: string | undefined): string | undefined {
  return srcUrl && /^https?:\/\//i.test(srcUrl) ? srcUrl.slice(0, 2000) : undefined;
}

/** Where the background leaves the image's address for the image script, in the page's isolated world. */
export const IMAGE_SRC_GLOBAL = '__promptbrushImageSrc';

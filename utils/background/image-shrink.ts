// Browser glue: turns the pixels of an image source into what is sent — at most MAX_SENT_SIDE px on
// its long side, JPEG (createImageBitmap + OffscreenCanvas, in the worker) — and the small
// thumbnail of it that the job and history keep.
import { PromptbrushError } from '../errors';
import { toBase64 } from '../history-file';
import { fitWithin, MAX_SENT_SIDE, MAX_THUMB_CHARS, SENT_MIME, SENT_QUALITY, THUMB_SIDES } from '../image-source';
import { makeThumbnail } from '../thumbnail';

/** What is sent: the image itself (its data URL and bytes) and its facts. */
export interface SentImage {
  dataUrl: string;
  bytes: Uint8Array;
  mime: string;
  width: number;
  height: number;
  originalWidth: number;
  originalHeight: number;
  /** A data URL of at most MAX_THUMB_CHARS, or '' where none could be made. */
  thumbnail: string;
}

/** Decodes an image; null where this context cannot (not an image, broken, or SVG in a worker). */
export async function decodeImage(source: Blob): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(source);
  } catch {
    return null;
  }
}

/** A data URL of the image, decoded; null where it is none. */
export async function decodeDataUrl(dataUrl: string): Promise<ImageBitmap | null> {
  try {
    return await decodeImage(await (await fetch(dataUrl)).blob());
  } catch {
    return null;
  }
}

const asDataUrl = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${toBase64(bytes)}`;

/** The largest thumbnail that fits the job's budget. */
async function thumbnailOf(bytes: Uint8Array, mime: string): Promise<string> {
  for (const side of THUMB_SIDES) {
    const thumb = await makeThumbnail(bytes, mime, side);
    if (!thumb) return '';
    const url = asDataUrl(thumb.mime, thumb.bytes);
    if (url.length <= MAX_THUMB_CHARS) return url;
  }
  return '';
}

/** Scales the image down and encodes it; closes the bitmap. */
export async function shrinkForModel(bitmap: ImageBitmap): Promise<SentImage> {
  const original = { originalWidth: bitmap.width, originalHeight: bitmap.height };
  const size = fitWithin(bitmap.width, bitmap.height, MAX_SENT_SIDE);
  try {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new PromptbrushError('image-unreadable', 'This browser cannot draw the image to scale it down.');
    // JPEG has no transparency: transparent parts become white, as on most pages, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await canvas.convertToBlob({ type: SENT_MIME, quality: SENT_QUALITY });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const mime = blob.type || SENT_MIME;
    return { dataUrl: asDataUrl(mime, bytes), bytes, mime, ...size, ...original, thumbnail: await thumbnailOf(bytes, mime) };
  } finally {
    bitmap.close();
  }
}

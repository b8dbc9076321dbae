// Browser glue: a small thumbnail of an image for the history list, made where the platform can
// (createImageBitmap + OffscreenCanvas: service workers and pages in Chrome and Firefox).
// Returns undefined where it cannot; the list then shows the image itself.

export const THUMB_SIZE = 96;

export async function makeThumbnail(
  bytes: Uint8Array,
  mime: string,
  side: number = THUMB_SIZE,
): Promise<{ mime: string; bytes: Uint8Array } | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return undefined;
  try {
    const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
    return { mime: blob.type, bytes: new Uint8Array(await blob.arrayBuffer()) };
  } catch {
    return undefined;
  }
}

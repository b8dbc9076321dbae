// Reads an image file pasted or dropped into the popup for the background, which scales it down
// before anything is sent. Loaded on demand (a paste), not when the popup opens. An SVG is drawn
// here first: the background's worker has no DOM to draw vector images.

import { formatBytes } from '../../utils/bytes';
import { PromptbrushError } from '../../utils/errors';
import { MAX_SENT_SIDE, MAX_SOURCE_IMAGE_BYTES } from '../../utils/image-source';

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function rasterise(file: File): Promise<string> {
  const url = URL.createObjectURL(file);
  try {
    const img = document.createElement('img');
    img.src = url;
    await img.decode();
    const side = Math.max(img.naturalWidth, img.naturalHeight) || MAX_SENT_SIDE;
    const scale = MAX_SENT_SIDE / side;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round((img.naturalWidth || MAX_SENT_SIDE) * scale));
    canvas.height = Math.max(1, Math.round((img.naturalHeight || MAX_SENT_SIDE) * scale));
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file as a data URL the background takes; throws a PromptbrushError saying why not. */
export async function readImageFile(file: File): Promise<{ dataUrl: string; name?: string }> {
  if (file.size > MAX_SOURCE_IMAGE_BYTES) {
    throw new PromptbrushError(
      'image-unreadable',
      `This image is ${formatBytes(file.size)}; Promptbrush takes images of up to ${formatBytes(MAX_SOURCE_IMAGE_BYTES)}.`,
    );
  }
  try {
    const dataUrl = file.type === 'image/svg+xml' ? await rasterise(file) : await dataUrlOf(file);
    return { dataUrl, ...(file.name ? { name: file.name } : {}) };
  } catch {
    throw new PromptbrushError('image-unreadable', 'This file could not be read as an image.');
  }
}

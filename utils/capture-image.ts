// Reads the image the person right-clicked, in the page, found by its address. Pure: takes the
// page's Window, so it runs in the injected image script (entrypoints/capture-image.ts) and in
// happy-dom tests alike. The page may read its own images, CORS-enabled ones, data: and blob:
// URLs; SVG is rasterised here, where there is a DOM to draw it. Where the page may not read the
// pixels it still says where the image is on screen, for a screenshot of that part.
import type { Box, PageImage } from './image-source';

/** Longest side drawn in the page (the background scales what it sends down to its own limit). */
export const PAGE_IMAGE_SIDE = 1024;

type Img = HTMLImageElement;

function findImage(doc: Document, src: string): Img | undefined {
  for (const img of doc.images) if (img.currentSrc === src || img.src === src) return img;
  return undefined;
}

/** Loads the address in a new image; `cors` asks the server for permission to read it. */
function load(doc: Document, src: string, cors: boolean): Promise<Img | null> {
  const img = doc.createElement('img');
  if (cors) img.crossOrigin = 'anonymous';
  img.src = src;
  return img.decode().then(
    () => img,
    () => null,
  );
}

/** The pixels as a PNG data URL, or undefined when the canvas is tainted (another site's image). */
function draw(doc: Document, img: Img, box: Box | undefined, vector: boolean): string | undefined {
  const width = img.naturalWidth || box?.width || 0;
  const height = img.naturalHeight || box?.height || 0;
  if (width < 1 || height < 1) return undefined;
  // A vector image has no pixels of its own: drawn at the largest size, it stays sharp.
  const scale = vector ? PAGE_IMAGE_SIDE / Math.max(width, height) : Math.min(1, PAGE_IMAGE_SIDE / Math.max(width, height));
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
  try {
    return canvas.toDataURL('image/png');
  } catch {
    return undefined;
  }
}

export async function captureImage(win: Window, src: string): Promise<PageImage> {
  const doc = win.document;
  const found = findImage(doc, src);
  const rect = found?.getBoundingClientRect();
  const box = rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height } : undefined;
  const base = { viewport: { width: win.innerWidth, height: win.innerHeight }, title: doc.title, ...(box ? { box } : {}) };
  const vector = /^data:image\/svg|\.svg([?#]|$)/i.test(src);
  const shown = found
    ? await found.decode().then(
        () => found,
        () => null,
      )
    : await load(doc, src, false);
  if (!shown) return { ...base, problem: 'broken' };
  let dataUrl = draw(doc, shown, box, vector);
  if (!dataUrl) {
    const readable = await load(doc, src, true);
    if (readable) dataUrl = draw(doc, readable, box, vector);
  }
  return dataUrl ? { ...base, dataUrl } : { ...base, problem: 'cross-origin' };
}

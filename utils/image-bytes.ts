// Image bytes: decoding what the API sends, recognising the format, reading the dimensions and
// naming the file. Pure.

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

/** The format from the bytes themselves: providers do not always send what was asked for. */
export function sniffMime(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  return null;
}

/** Width and height from a PNG header (the one format the API always answers in when asked). */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  if (sniffMime(bytes) !== 'image/png' || bytes.length < 24) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const EXTENSIONS: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/**
 * A file name from the first words of the prompt: lower case, ASCII letters and digits joined by
 * hyphens, at most ~60 characters, numbered when there are several images.
 */
export function fileNameFor(prompt: string, mime: string, index = 0, count = 1): string {
  const words = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let stem = '';
  for (const word of words) {
    const next = stem ? `${stem}-${word}` : word;
    if (next.length > 60) break;
    stem = next;
  }
  stem ||= 'promptbrush-image';
  const suffix = count > 1 ? `-${index + 1}` : '';
  return `${stem}${suffix}.${EXTENSIONS[mime as ImageMime] ?? 'bin'}`;
}

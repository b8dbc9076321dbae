// The image backends' kinds and the values settings keep for them, without the table's text
// (utils/image-backends.ts): every page validates settings, only Settings and the worker need the table. Pure.

export type ImageBackendKind = 'openai-images' | 'chat-images' | 'a1111' | 'comfyui';

export const IMAGE_BACKEND_KINDS: readonly ImageBackendKind[] = ['openai-images', 'chat-images', 'a1111', 'comfyui'];

export function isImageBackendKind(value: unknown): value is ImageBackendKind {
  return typeof value === 'string' && (IMAGE_BACKEND_KINDS as readonly string[]).includes(value);
}

/** Local servers (the table's `local` rows), for the same reason. */
export const isLocalBackend = (kind: ImageBackendKind): boolean => kind === 'a1111' || kind === 'comfyui';

/**
 * A local server's address as typed ("127.0.0.1:7860/", "http://localhost:8188/prompt"): its
 * origin and any path prefix, without the API's own paths. Null when it is not an http(s) URL.
 */
export function normalizeLocalUrl(input: string): string | null {
  let text = input.trim();
  if (text === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/(sdapi\/v1(\/[\w-]+)?|prompt|ws|history(\/[\w-]+)?|view|object_info|queue|interrupt|docs)$/, '');
  return `${url.origin}${path}`;
}

/** The seed a backend is sent for "random": -1 (A1111 picks one), or a fresh one where the server wants a value. */
export const RANDOM_SEED = -1;
export const MAX_SEED = 4_294_967_295;

export function isSeed(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= RANDOM_SEED && (value as number) <= MAX_SEED;
}

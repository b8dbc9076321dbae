// The image backends' kinds and the values settings keep for them, without the table's text
// (utils/image-backends.ts): every page validates settings, only Settings and the worker need the table. Pure.

import { normalizeBaseUrl } from './base-url';

export type ImageBackendKind = 'openai-images' | 'chat-images' | 'a1111' | 'comfyui';

export const IMAGE_BACKEND_KINDS: readonly ImageBackendKind[] = ['openai-images', 'chat-images', 'a1111', 'comfyui'];

export function isImageBackendKind(value: unknown): value is ImageBackendKind {
  return typeof value === 'string' && (IMAGE_BACKEND_KINDS as readonly string[]).includes(value);
}

/** Local servers (the table's `local` rows), for the same reason. */
export const isLocalBackend = (kind: ImageBackendKind): boolean => kind === 'a1111' || kind === 'comfyui';

/**
 * A local server's address as typed ("127.0.0.1:7860/", "http://localhost:8188/prompt"): plain
 * http unless it says otherwise, the rules of an OpenAI-style base URL (utils/base-url.ts), then
 * without `/v1` or the API's own paths. Null when it is not an http(s) URL.
 */
export function normalizeLocalUrl(input: string): string | null {
  const text = input.trim();
  const url = normalizeBaseUrl(text && !/^[a-z][\w+.-]*:\/\//i.test(text) ? `http://${text}` : text);
  return url?.replace(/\/(v1|sdapi|prompt|ws|history|view|object_info)(\/.*)?$/, '') ?? null;
}

/** The seed a backend is sent for "random": -1 (A1111 picks one), or a fresh one where the server wants a value. */
export const RANDOM_SEED = -1;
export const MAX_SEED = 4_294_967_295;

export function isSeed(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= RANDOM_SEED && (value as number) <= MAX_SEED;
}

// The image-generation part of the settings schema (utils/settings.ts holds it under `images`):
// which backend draws, where it is, and what it is sent. Pure: types, defaults and a total validator.

import { normalizeBaseUrl } from './base-url';
import { type ImageBackendKind, isImageBackendKind, isLocalBackend, isSeed, normalizeLocalUrl, RANDOM_SEED } from './image-backend-kinds';

export const IMAGE_QUALITIES = ['auto', 'low', 'medium', 'high'] as const;
export type ImageQuality = (typeof IMAGE_QUALITIES)[number];

export const IMAGE_FORMATS = ['png', 'jpeg', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const IMAGE_COUNT = { min: 1, max: 4 } as const;
export const IMAGE_STEPS = { min: 1, max: 150 } as const;
export const IMAGE_CFG = { min: 1, max: 30 } as const;
/** A pasted ComfyUI workflow (API format) is kept up to this length. */
export const MAX_WORKFLOW_CHARS = 200_000;

export interface ImageSettings {
  /** Which backend draws (utils/image-backends.ts). */
  backend: ImageBackendKind;
  /** Cloud backends only: use the chat provider's base URL and key (the default, and the behaviour before backends). */
  sameAsChat: boolean;
  /** The backend's own base URL when it does not share the chat provider's ('' otherwise). */
  baseUrl: string;
  /** Image model or checkpoint id; empty means "the best one the backend lists", decided at each run. */
  model: string;
  quality: ImageQuality;
  format: ImageFormat;
  /** Images per click, 1–4. */
  count: number;
  /** Local backends: sampling steps, CFG scale, sampler name ('' = the server's default). */
  steps: number;
  cfg: number;
  sampler: string;
  /** The seed sent when none is asked for: -1 picks a new one each time. */
  seed: number;
  /** Backends without a negative prompt: write it into the prompt as "Avoid: …" (only when asked). */
  negativeAsWords: boolean;
  /** ComfyUI: an API-format workflow pasted by the person ('' = the built-in text-to-image one). */
  workflow: string;
  /** ComfyUI: "role = node.input" lines overriding the automatic mapping of the workflow's inputs. */
  workflowMap: string;
}

export const DEFAULT_IMAGE_SETTINGS: ImageSettings = {
  backend: 'openai-images',
  sameAsChat: true,
  baseUrl: '',
  model: '',
  quality: 'auto',
  format: 'png',
  count: 1,
  steps: 25,
  cfg: 7,
  sampler: '',
  seed: RANDOM_SEED,
  negativeAsWords: false,
  workflow: '',
  workflowMap: '',
};

const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : fallback;

/** Numbers kept in a range (rounded to a step); text trimmed to a length. */
const NUMBERS = { count: [IMAGE_COUNT, 1], steps: [IMAGE_STEPS, 1], cfg: [IMAGE_CFG, 0.5] } as const;
const TEXTS = { model: 200, sampler: 100, workflow: MAX_WORKFLOW_CHARS, workflowMap: 2_000 } as const;

/** The base URL a backend is given, in its own form: OpenAI-style (ends in /v1) or a local server's root. */
export function normalizeBackendUrl(backend: ImageBackendKind, input: string): string | null {
  return isLocalBackend(backend) ? normalizeLocalUrl(input) : normalizeBaseUrl(input);
}

export function validateImageSettings(input: unknown): ImageSettings {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const out = { ...DEFAULT_IMAGE_SETTINGS };
  for (const [key, [range, step]] of Object.entries(NUMBERS)) {
    const value = raw[key];
    if (typeof value === 'number' && Number.isFinite(value)) {
      out[key as keyof typeof NUMBERS] = Math.min(range.max, Math.max(range.min, Math.round(value / step) * step));
    }
  }
  for (const [key, max] of Object.entries(TEXTS)) {
    const value = raw[key];
    if (typeof value === 'string') out[key as keyof typeof TEXTS] = value.trim().slice(0, max);
  }
  if (typeof raw.negativeAsWords === 'boolean') out.negativeAsWords = raw.negativeAsWords;
  if (isSeed(raw.seed)) out.seed = raw.seed;
  if (isImageBackendKind(raw.backend)) out.backend = raw.backend;
  out.quality = oneOf(IMAGE_QUALITIES, raw.quality, out.quality);
  out.format = oneOf(IMAGE_FORMATS, raw.format, out.format);
  // Local servers never share the chat provider's endpoint; a shared endpoint keeps no address of its own.
  out.sameAsChat = !isLocalBackend(out.backend) && (typeof raw.sameAsChat === 'boolean' ? raw.sameAsChat : out.sameAsChat);
  out.baseUrl = out.sameAsChat || typeof raw.baseUrl !== 'string' ? '' : (normalizeBackendUrl(out.backend, raw.baseUrl) ?? '');
  return out;
}

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

const clamp = (value: unknown, range: { min: number; max: number }, fallback: number, step = 1): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(range.max, Math.max(range.min, Math.round(value / step) * step));
};

const text = (value: unknown, fallback: string, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : fallback);

/** The base URL a backend is given, in its own form: OpenAI-style (ends in /v1) or a local server's root. */
export function normalizeBackendUrl(backend: ImageBackendKind, input: string): string | null {
  return isLocalBackend(backend) ? normalizeLocalUrl(input) : normalizeBaseUrl(input);
}

export function validateImageSettings(input: unknown): ImageSettings {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const d = DEFAULT_IMAGE_SETTINGS;
  const backend = isImageBackendKind(raw.backend) ? raw.backend : d.backend;
  const local = isLocalBackend(backend);
  const sameAsChat = !local && (typeof raw.sameAsChat === 'boolean' ? raw.sameAsChat : d.sameAsChat);
  const baseUrl = sameAsChat || typeof raw.baseUrl !== 'string' ? '' : (normalizeBackendUrl(backend, raw.baseUrl) ?? '');
  return {
    backend,
    sameAsChat,
    baseUrl,
    model: text(raw.model, d.model, 200),
    quality: oneOf(IMAGE_QUALITIES, raw.quality, d.quality),
    format: oneOf(IMAGE_FORMATS, raw.format, d.format),
    count: clamp(raw.count, IMAGE_COUNT, d.count),
    steps: clamp(raw.steps, IMAGE_STEPS, d.steps),
    cfg: clamp(raw.cfg, IMAGE_CFG, d.cfg, 0.5),
    sampler: text(raw.sampler, d.sampler, 100),
    seed: isSeed(raw.seed) ? raw.seed : d.seed,
    negativeAsWords: typeof raw.negativeAsWords === 'boolean' ? raw.negativeAsWords : d.negativeAsWords,
    workflow: typeof raw.workflow === 'string' && raw.workflow.length <= MAX_WORKFLOW_CHARS ? raw.workflow.trim() : d.workflow,
    workflowMap: text(raw.workflowMap, d.workflowMap, 2_000),
  };
}

// The one settings schema: types, defaults, validation and versioned migrations. Pure.
// The API key is not a setting: it lives in its own storage item that only the background
// reads and writes (utils/background/key-store.ts).

import { normalizeBaseUrl } from './base-url';
import { type CraftSettings, DEFAULT_CRAFT_SETTINGS, validateCraftSettings } from './craft';
import { type ExternalGenerator, validateGenerators } from './generators';
import { DEFAULT_IMAGE_SETTINGS, type ImageSettings, validateImageSettings } from './image-settings';
import { isProviderId, type ProviderId, providerForBaseUrl } from './providers';

export { normalizeBaseUrl } from './base-url';

export const SETTINGS_VERSION = 2;

/** Prompt-craft settings (target, style, aspect ratio, templates…) are defined in utils/craft.ts. */
export interface Settings extends CraftSettings {
  /** Which preset the person picked (utils/providers.ts); decides key needs and error advice. */
  provider: ProviderId;
  /** OpenAI-compatible base URL, normalised (ends in /v1 or the server's own root). */
  baseUrl: string;
  /** Chat model id; empty means "pick the best one the endpoint lists". */
  chatModel: string;
  /** Longest selection sent to the model, in characters. */
  maxSelectionChars: number;
  /** Seconds before a model request is abandoned (well under the worker's 5-minute limit). */
  requestTimeoutSeconds: number;
  /** Seconds a started answer may stay silent (no bytes) before it is given up as stalled. */
  idleTimeoutSeconds: number;
  /** History cap: most entries kept (one entry = one prompt and its images); oldest go first. */
  historyMaxItems: number;
  /** History cap: most megabytes kept (image bytes dominate); oldest entries go first. */
  historyMaxMB: number;
  /** Image generation: model (empty = best available), quality, format, count. */
  images: ImageSettings;
  /** External generators for "Open in…", editable; the defaults are restorable. */
  generators: ExternalGenerator[];
  /** Which page details go to the model with a selection (privacy: each can be switched off). */
  context: ContextSettings;
  /** Images as a source: the "Image prompt from this image" menu entry, and pasting or dropping images in the popup. */
  imageSource: boolean;
}

export interface ContextSettings {
  title: boolean;
  /** Origin and path of the page. */
  url: boolean;
  /** Also the query string and fragment (off by default: they often carry personal data). */
  urlQuery: boolean;
  /** The nearest heading above the selection. */
  heading: boolean;
  /** A bounded window of the text just before and after the selection. */
  surrounding: boolean;
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export const DEFAULT_SETTINGS: Settings = {
  provider: 'openai',
  baseUrl: DEFAULT_BASE_URL,
  chatModel: '',
  maxSelectionChars: 8000,
  requestTimeoutSeconds: 90,
  idleTimeoutSeconds: 30,
  images: DEFAULT_IMAGE_SETTINGS,
  generators: validateGenerators(undefined),
  context: { title: true, url: true, urlQuery: false, heading: true, surrounding: true },
  historyMaxItems: 500,
  historyMaxMB: 200,
  imageSource: true,
  ...DEFAULT_CRAFT_SETTINGS,
};

export const LIMITS = {
  maxSelectionChars: { min: 200, max: 100_000 },
  requestTimeoutSeconds: { min: 10, max: 240 },
  idleTimeoutSeconds: { min: 5, max: 240 },
  historyMaxItems: { min: 10, max: 10_000 },
  historyMaxMB: { min: 5, max: 5_000 },
} as const;

function clampInt(value: unknown, range: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

function text(value: unknown, fallback: string, maxLength = 500): string {
  return typeof value === 'string' ? value.trim().slice(0, maxLength) : fallback;
}

function validateContext(input: unknown): ContextSettings {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const flag = (key: keyof ContextSettings) => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : DEFAULT_SETTINGS.context[key]);
  return { title: flag('title'), url: flag('url'), urlQuery: flag('urlQuery'), heading: flag('heading'), surrounding: flag('surrounding') };
}

/** Turns anything read from storage (old, partial, tampered) into valid settings. */
export function validateSettings(input: unknown): Settings {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const baseUrl = typeof raw.baseUrl === 'string' ? (normalizeBaseUrl(raw.baseUrl) ?? DEFAULT_SETTINGS.baseUrl) : DEFAULT_SETTINGS.baseUrl;
  return {
    provider: isProviderId(raw.provider) ? raw.provider : providerForBaseUrl(baseUrl),
    baseUrl,
    chatModel: text(raw.chatModel, DEFAULT_SETTINGS.chatModel, 200),
    maxSelectionChars: clampInt(raw.maxSelectionChars, LIMITS.maxSelectionChars, DEFAULT_SETTINGS.maxSelectionChars),
    requestTimeoutSeconds: clampInt(raw.requestTimeoutSeconds, LIMITS.requestTimeoutSeconds, DEFAULT_SETTINGS.requestTimeoutSeconds),
    idleTimeoutSeconds: clampInt(raw.idleTimeoutSeconds, LIMITS.idleTimeoutSeconds, DEFAULT_SETTINGS.idleTimeoutSeconds),
    images: validateImageSettings(raw.images),
    generators: validateGenerators(raw.generators),
    context: validateContext(raw.context),
    historyMaxItems: clampInt(raw.historyMaxItems, LIMITS.historyMaxItems, DEFAULT_SETTINGS.historyMaxItems),
    historyMaxMB: clampInt(raw.historyMaxMB, LIMITS.historyMaxMB, DEFAULT_SETTINGS.historyMaxMB),
    imageSource: typeof raw.imageSource === 'boolean' ? raw.imageSource : DEFAULT_SETTINGS.imageSource,
    ...validateCraftSettings(raw),
  };
}

/** Versioned migrations, keyed by the version they produce (WXT `storage.defineItem`). */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  // Image backends: what was the one way to draw is the default backend ("OpenAI Images API, same
  // provider as chat"), and the negative prompt keeps being written into the prompt as it always was.
  2: (old) => {
    const raw = (old ?? {}) as { images?: object };
    return { ...raw, images: { ...raw.images, negativeAsWords: true } };
  },
};

// The one settings schema: types, defaults, validation and versioned migrations. Pure.
// The API key is not a setting: it lives in its own item that only the background reads
// (utils/settings-store.ts).
import { type CraftSettings, DEFAULT_CRAFT_SETTINGS, validateCraftSettings } from './craft';

export const SETTINGS_VERSION = 1;

/** Prompt-craft settings (target, style, aspect ratio, templates…) are defined in utils/craft.ts. */
export interface Settings extends CraftSettings {
  /** OpenAI-compatible base URL, normalised (ends in /v1 or the server's own root). */
  baseUrl: string;
  /** Chat model id; empty means "pick the best one the endpoint lists". */
  chatModel: string;
  /** Longest selection sent to the model, in characters. */
  maxSelectionChars: number;
  /** Seconds before a model request is abandoned (well under the worker's 5-minute limit). */
  requestTimeoutSeconds: number;
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: DEFAULT_BASE_URL,
  chatModel: '',
  maxSelectionChars: 8000,
  requestTimeoutSeconds: 90,
  ...DEFAULT_CRAFT_SETTINGS,
};

export const LIMITS = {
  maxSelectionChars: { min: 200, max: 100_000 },
  requestTimeoutSeconds: { min: 10, max: 240 },
} as const;

function clampInt(value: unknown, range: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

function text(value: unknown, fallback: string, maxLength = 500): string {
  return typeof value === 'string' ? value.trim().slice(0, maxLength) : fallback;
}

/**
 * Users paste base URLs in many shapes: with or without `/v1`, with a trailing slash, or with an
 * endpoint path (`/chat/completions`, `/models`) still on. Returns the base the SDK expects, or
 * null when the text is not an http(s) URL.
 */
export function normalizeBaseUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(/\/(chat\/completions|completions|models|images\/generations|responses)$/, '');
  if (path === '') path = '/v1';
  return `${url.origin}${path}`;
}

/** Turns anything read from storage (old, partial, tampered) into valid settings. */
export function validateSettings(input: unknown): Settings {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const baseUrl = typeof raw.baseUrl === 'string' ? (normalizeBaseUrl(raw.baseUrl) ?? DEFAULT_SETTINGS.baseUrl) : DEFAULT_SETTINGS.baseUrl;
  return {
    baseUrl,
    chatModel: text(raw.chatModel, DEFAULT_SETTINGS.chatModel, 200),
    maxSelectionChars: clampInt(raw.maxSelectionChars, LIMITS.maxSelectionChars, DEFAULT_SETTINGS.maxSelectionChars),
    requestTimeoutSeconds: clampInt(raw.requestTimeoutSeconds, LIMITS.requestTimeoutSeconds, DEFAULT_SETTINGS.requestTimeoutSeconds),
    ...validateCraftSettings(raw),
  };
}

/** Versioned migrations, keyed by the version they produce (WXT `storage.defineItem`). */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => Settings> = {};

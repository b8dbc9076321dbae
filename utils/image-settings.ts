// The image-generation part of the settings schema (utils/settings.ts holds it under `images`).
// Pure: types, defaults and a total validator.

export const IMAGE_QUALITIES = ['auto', 'low', 'medium', 'high'] as const;
export type ImageQuality = (typeof IMAGE_QUALITIES)[number];

export const IMAGE_FORMATS = ['png', 'jpeg', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const IMAGE_COUNT = { min: 1, max: 4 } as const;

export interface ImageSettings {
  /** Image model id; empty means "the best image model the endpoint lists", decided at each run. */
  model: string;
  quality: ImageQuality;
  format: ImageFormat;
  /** Images per click, 1–4. */
  count: number;
}

export const DEFAULT_IMAGE_SETTINGS: ImageSettings = { model: '', quality: 'auto', format: 'png', count: 1 };

const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : fallback;

export function validateImageSettings(input: unknown): ImageSettings {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const count = typeof raw.count === 'number' && Number.isFinite(raw.count) ? Math.round(raw.count) : DEFAULT_IMAGE_SETTINGS.count;
  return {
    model: typeof raw.model === 'string' ? raw.model.trim().slice(0, 200) : DEFAULT_IMAGE_SETTINGS.model,
    quality: oneOf(IMAGE_QUALITIES, raw.quality, DEFAULT_IMAGE_SETTINGS.quality),
    format: oneOf(IMAGE_FORMATS, raw.format, DEFAULT_IMAGE_SETTINGS.format),
    count: Math.min(IMAGE_COUNT.max, Math.max(IMAGE_COUNT.min, count)),
  };
}

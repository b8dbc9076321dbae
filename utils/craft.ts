// What the person chose for a prompt — target, style, aspect ratio, number of takes — and the
// craft settings that go with every request. Pure.
import { type AspectRatioId, DEFAULT_ASPECT_RATIO, isAspectRatioId } from './aspect-ratios';
import { DEFAULT_STYLE, isStyleId, type StyleId } from './styles';
import { DEFAULT_TARGET, isTargetId, TARGETS, type TargetId } from './targets';
import { isValidTemplate, MAX_TEMPLATE_CHARS } from './templates';

export interface CraftChoice {
  target: TargetId;
  style: StyleId;
  aspectRatio: AspectRatioId;
  /** 1 for a single prompt, 2–6 for that many distinct takes in one request. */
  variationCount: number;
}

/** Settings of prompt craft (part of the one settings schema in settings.ts). */
export interface CraftSettings {
  /** Defaults for new jobs, remembered from the popup's pickers and the options page. */
  target: TargetId;
  style: StyleId;
  aspectRatio: AspectRatioId;
  /** Takes per request: 1 for a single prompt, 2–6 for variations. */
  variationCount: number;
  /** Appended to every request. */
  customInstructions: string;
  /** Per-target overrides of the user-message template (only valid ones are kept). */
  templates: Partial<Record<TargetId, string>>;
  /** Off: prompts are written in English. On: in the language of the selection. */
  keepSourceLanguage: boolean;
  /** Midjourney `--v` written on every Midjourney prompt; empty keeps the model's own. */
  midjourneyVersion: string;
}

/** Takes per request when variations are asked for (1 means a single prompt). */
export const VARIATION_RANGE = { min: 2, max: 6 } as const;

/** Clamps a requested number of takes: 1 means a single prompt, else 2 to 6. */
export function clampVariationCount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 1) return 1;
  return Math.min(VARIATION_RANGE.max, Math.max(VARIATION_RANGE.min, Math.round(value)));
}

export const MAX_CUSTOM_INSTRUCTIONS_CHARS = 2000;
export const MIDJOURNEY_VERSION_PATTERN = /^(?:[1-8](?:\.\d)?)?$/;

export const DEFAULT_CRAFT_SETTINGS: CraftSettings = {
  target: DEFAULT_TARGET,
  style: DEFAULT_STYLE,
  aspectRatio: DEFAULT_ASPECT_RATIO,
  variationCount: 1,
  customInstructions: '',
  templates: {},
  keepSourceLanguage: false,
  midjourneyVersion: '7',
};

function validTemplates(value: unknown): Partial<Record<TargetId, string>> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Partial<Record<TargetId, string>> = {};
  for (const { id } of TARGETS) {
    const template = (value as Record<string, unknown>)[id];
    if (typeof template === 'string' && template.length <= MAX_TEMPLATE_CHARS && isValidTemplate(template)) out[id] = template;
  }
  return out;
}

/** The craft part of validateSettings: total, like it. */
export function validateCraftSettings(raw: Record<string, unknown>): CraftSettings {
  const d = DEFAULT_CRAFT_SETTINGS;
  const version = typeof raw.midjourneyVersion === 'string' ? raw.midjourneyVersion.trim() : d.midjourneyVersion;
  return {
    target: isTargetId(raw.target) ? raw.target : d.target,
    style: isStyleId(raw.style) ? raw.style : d.style,
    aspectRatio: isAspectRatioId(raw.aspectRatio) ? raw.aspectRatio : d.aspectRatio,
    variationCount: clampVariationCount(raw.variationCount),
    customInstructions:
      typeof raw.customInstructions === 'string'
        ? raw.customInstructions.trim().slice(0, MAX_CUSTOM_INSTRUCTIONS_CHARS)
        : d.customInstructions,
    templates: validTemplates(raw.templates),
    keepSourceLanguage: typeof raw.keepSourceLanguage === 'boolean' ? raw.keepSourceLanguage : d.keepSourceLanguage,
    midjourneyVersion: MIDJOURNEY_VERSION_PATTERN.test(version) ? version : d.midjourneyVersion,
  };
}

/**
 * The choice for a job: the remembered defaults, overridden by whatever
 * `override` defines (a job's own choice on retry, a menu item's target, the popup's pickers).
 */
export function defaultChoice(settings: CraftSettings, override: Partial<CraftChoice> = {}): CraftChoice {
  const defined = Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined));
  return parseCraftChoice({
    target: settings.target,
    style: settings.style,
    aspectRatio: settings.aspectRatio,
    variationCount: settings.variationCount,
    ...defined,
  });
}

/** The choice a job was written with (fields absent on jobs from older versions stay absent). */
export function choiceOf(job: Partial<CraftChoice>): Partial<CraftChoice> {
  return { target: job.target, style: job.style, aspectRatio: job.aspectRatio, variationCount: job.variationCount };
}

/** Checks a choice from a message; fills what is missing or wrong with the built-in defaults. */
export function parseCraftChoice(value: unknown): CraftChoice {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    target: isTargetId(raw.target) ? raw.target : DEFAULT_TARGET,
    style: isStyleId(raw.style) ? raw.style : DEFAULT_STYLE,
    aspectRatio: isAspectRatioId(raw.aspectRatio) ? raw.aspectRatio : DEFAULT_ASPECT_RATIO,
    variationCount: clampVariationCount(raw.variationCount),
  };
}

/** A strict check for the protocol: every field present and valid, or null. */
export function strictCraftChoice(value: unknown): CraftChoice | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const count = raw.variationCount;
  if (!isTargetId(raw.target) || !isStyleId(raw.style) || !isAspectRatioId(raw.aspectRatio)) return null;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > VARIATION_RANGE.max) return null;
  return { target: raw.target, style: raw.style, aspectRatio: raw.aspectRatio, variationCount: count };
}

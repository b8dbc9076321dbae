// Settings change by patches of named fields, never by whole snapshots. Pure: the rules of a
// patch (which names, which values), how one applies, what a form changed, and the serialised
// writer that the background alone runs (utils/background/settings-writer.ts).
//
// A patch names top-level fields of Settings. A nested field (`images`, `context`, `templates`,
// `generators`) is one named field: a patch replaces it whole. Only the options page edits those,
// and it sends them only when the person changed them, so per-key merging would buy nothing.
import type { StoredValue } from './serial-updates';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from './settings';

export type SettingsPatch = Partial<Settings>;
export type SettingName = keyof Settings;

export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as SettingName[];

export function isSettingName(name: unknown): name is SettingName {
  return typeof name === 'string' && Object.hasOwn(DEFAULT_SETTINGS, name);
}

/** Structural equality of JSON-like values (object key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * The strict check for a patch that crosses contexts: every name is a setting, and every value
 * is one the schema keeps as it is (already trimmed, clamped, normalised). Anything else rejects
 * the whole patch, so a page learns of a wrong value instead of seeing it silently changed.
 */
export function parseSettingsPatch(value: unknown): SettingsPatch | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const patch: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (!isSettingName(name)) return null;
    const kept = validateSettings({ ...DEFAULT_SETTINGS, [name]: field })[name];
    if (!sameValue(kept, field)) return null;
    patch[name] = kept;
  }
  return patch as SettingsPatch;
}

/** The settings after a patch, through the one schema. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return validateSettings({ ...current, ...patch });
}

/**
 * What a form changed: the fields whose values differ between what it loaded and what it shows
 * now (both valid settings). Fields the person left alone are not sent, so a change made
 * meanwhile elsewhere (the background's automatic chat model) is not undone.
 */
export function settingsPatch(loaded: Settings, edited: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) if (!sameValue(loaded[name], edited[name])) patch[name] = edited[name];
  // A chat model belongs to its endpoint: a new endpoint takes the form's model with it, even an
  // unchanged empty one, or a model picked meanwhile for the old endpoint would stay.
  if ('provider' in patch || 'baseUrl' in patch) patch.chatModel = edited.chatModel;
  return patch as SettingsPatch;
}

/**
 * The background remembers the chat model it picked automatically (so Settings shows which one is
 * in use): only while the model is still unset for the endpoint it listed. A model the person
 * saved meanwhile, or a new endpoint, wins.
 */
export function automaticChatModel(listedFor: Pick<Settings, 'provider' | 'baseUrl'>, picked: string) {
  return (current: Settings): SettingsPatch =>
    current.chatModel === '' && current.provider === listedFor.provider && current.baseUrl === listedFor.baseUrl
      ? { chatModel: picked }
      : {};
}

/** A patch, or a function of the settings as they are when its turn comes (a conditional patch). */
export type SettingsChange = SettingsPatch | ((current: Settings) => SettingsPatch);

export interface SettingsWriter {
  /** Applies the change after every earlier one; resolves to the settings as stored after it. */
  update(change: SettingsChange): Promise<Settings>;
}

/**
 * Read-patch-write of the stored settings, serialised: each change reads what the previous one
 * wrote. This holds within one context only, which is why only the background runs a writer and
 * pages send it their patches (the `updateSettings` message).
 */
export function settingsWriter(item: StoredValue<Settings>): SettingsWriter {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    update(change) {
      const next = queue.then(async () => {
        const current = validateSettings(await item.getValue());
        const patch = typeof change === 'function' ? change(current) : change;
        const updated = applySettingsPatch(current, patch);
        if (sameValue(updated, current)) return current;
        await item.setValue(updated);
        return updated;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

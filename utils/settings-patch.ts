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

/**
 * Equality of values in the schema's own form: validateSettings writes every object with its keys
 * in one order, so comparing their JSON is enough (and keeps the pages' bundle small).
 */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The strict check for a patch that crosses contexts: every name is a setting, and every value
 * is one the schema keeps as it is (already trimmed, clamped, normalised, nested keys in the
 * schema's order). Anything else rejects the whole patch, so a page learns of a wrong value
 * instead of seeing it silently changed.
 */
export function parseSettingsPatch(value: unknown): SettingsPatch | null {
  if (typeof value !== 'object' || !value || Array.isArray(value)) return null;
  for (const [name, field] of Object.entries(value)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, name)) return null;
    if (!same(validateSettings({ ...DEFAULT_SETTINGS, [name]: field })[name as keyof Settings], field)) return null;
  }
  return { ...value };
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
  for (const name of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!same(loaded[name], edited[name])) patch[name] = edited[name];
  }
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
        if (same(updated, current)) return current;
        await item.setValue(updated);
        return updated;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

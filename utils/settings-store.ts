// Browser glue: the settings as pages read and watch them. Only the background migrates and writes
// them (utils/background/settings-item.ts, settings-writer.ts); pages send theirs with the
// `updateSettings` message. A raw read keeps the storage library out of the popup at open.
import { DEFAULT_SETTINGS, type Settings, validateSettings } from './settings';
import { storedValue } from './stored-value';

/** The one storage key that holds the settings. */
export const SETTINGS_KEY = 'local:settings';

const storedSettings = storedValue<unknown>(SETTINGS_KEY, DEFAULT_SETTINGS);

export async function loadSettings(): Promise<Settings> {
  return validateSettings(await storedSettings.getValue());
}

/** Calls back with the settings each time they change; returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return storedSettings.watch((next) => callback(validateSettings(next)));
}

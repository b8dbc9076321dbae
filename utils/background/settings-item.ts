// Browser glue, worker only: the versioned settings item. The background owns the schema's migrations: defining
// the item at worker start runs them (@wxt-dev/storage, locked against a second context), and every
// write goes through it (settings-writer.ts). Pages read the same key raw (utils/settings-store.ts).
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings, validateSettings } from '../settings';
import { SETTINGS_KEY } from '../settings-store';

export const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** The settings once this version's migrations have run (a job right after an update must not see the old shape). */
export async function loadMigratedSettings(): Promise<Settings> {
  return validateSettings(await settingsItem.getValue());
}

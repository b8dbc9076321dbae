// Browser glue: the storage item behind the settings schema, read and watched by every context.
// Only the background writes it, by patches (utils/background/settings-writer.ts); pages send
// theirs with the `updateSettings` message.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings, validateSettings } from './settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

export async function loadSettings(): Promise<Settings> {
  return validateSettings(await settingsItem.getValue());
}

// Browser glue: the storage items behind the settings schema and the API key.
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

export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = validateSettings(next);
  await settingsItem.setValue(valid);
  return valid;
}

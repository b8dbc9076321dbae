// Browser glue for the UI: the settings, followed live, and remembering the pickers' choice.
import { useEffect, useState } from 'preact/hooks';
import type { CraftChoice } from '../utils/craft';
import { type Settings, validateSettings } from '../utils/settings';
import { loadSettings, saveSettings, settingsItem } from '../utils/settings-store';

/** The settings, followed as they change (options page, other popups). `null` while loading. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    const unwatch = settingsItem.watch((next) => alive && setSettings(validateSettings(next)));
    loadSettings().then((first) => alive && setSettings((current) => current ?? first));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return settings;
}

/** Remembers a choice made in the popup as the default for the next prompts. */
export async function rememberChoice(patch: Partial<CraftChoice>): Promise<Settings> {
  return saveSettings({ ...(await loadSettings()), ...patch });
}

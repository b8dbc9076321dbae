// Browser glue: opens Settings, focused on the field that fixes a problem (options.html#api-key).
import { browser } from 'wxt/browser';
import type { SettingsField } from '../../utils/settings-fields';

export function openSettings(field?: SettingsField): void {
  if (!field) {
    void browser.runtime.openOptionsPage();
    return;
  }
  const url = browser.runtime.getURL(`/options.html#${field}` as '/options.html');
  void browser.tabs.create({ url });
}

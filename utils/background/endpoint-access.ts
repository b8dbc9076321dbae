// Browser glue: the host permission of an endpoint the person moved away from is given back.
// Follows the saved settings (after the settings writer has stored a change); a pattern still
// used by anything in the settings is kept.
import { browser } from 'wxt/browser';
import { hostPatternsLeft } from '../host-patterns';
import { validateSettings } from '../settings';
import { settingsItem } from './settings-item';

export function followEndpointWithHostAccess(): void {
  settingsItem.watch((next, previous) => {
    if (!previous) return;
    const left = hostPatternsLeft(validateSettings(previous), validateSettings(next));
    // Permissions the manifest requires (the end-to-end build's localhost) cannot be removed: ignored.
    if (left.length > 0) browser.permissions.remove({ origins: left }).catch(() => undefined);
  });
}

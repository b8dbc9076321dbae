import { describe, expect, it } from 'vitest';
import { buildManifest, CAPTURE_COMMAND } from '../../utils/manifest';
import { isReserved, isValidSuggestedKey, RESERVED_SHORTCUTS, shortcutSettingsPlace } from '../../utils/shortcut';

describe('the capture shortcut', () => {
  const suggested = (browser: string) => buildManifest({ browser, e2e: false }).commands[CAPTURE_COMMAND].suggested_key.default;

  it('suggests a key the commands API accepts, in every build', () => {
    for (const browser of ['chrome', 'firefox']) expect(isValidSuggestedKey(suggested(browser)), browser).toBe(true);
  });

  it('does not suggest a key the browsers or common web apps already use', () => {
    expect(isReserved(suggested('chrome'))).toBe(false);
    // The old default: Chromium 156 leaves it unassigned, so nobody would have a shortcut.
    expect(isReserved('Alt+Shift+P')).toBe(true);
    expect(RESERVED_SHORTCUTS.every((r) => r.by.length > 0)).toBe(true);
  });

  it('tells each browser’s people where shortcuts are changed', () => {
    expect(shortcutSettingsPlace(false)).toBe('chrome://extensions/shortcuts');
    expect(shortcutSettingsPlace(true)).toContain('Manage Extension Shortcuts');
  });
});

// The keyboard shortcut: why its suggested key was chosen, and where a person changes it. Pure.

/**
 * Keys the suggested shortcut must not take. Extension commands win over pages, so a key a
 * popular web app uses is taken away from the person too. A unit test checks the manifest's
 * suggested key against this table, and the end-to-end run checks Chromium really assigns it.
 */
export const RESERVED_SHORTCUTS: readonly { keys: string; by: string }[] = [
  { keys: 'Alt+Shift+P', by: 'Chromium (measured: version 156 leaves a command that suggests it unassigned)' },
  { keys: 'Alt+Shift+T', by: 'Chrome: focus the toolbar (Chromium refuses to assign it); Google Docs: Tools menu' },
  { keys: 'Alt+Shift+B', by: 'Chrome: focus the bookmarks bar' },
  { keys: 'Alt+Shift+A', by: 'Chrome: focus inactive dialogs' },
  { keys: 'Alt+Shift+I', by: 'Google Chrome: report an issue; Google Docs: Insert menu' },
  { keys: 'Alt+Shift+F', by: 'Google Docs, Sheets and Slides (outside Chrome): File menu' },
  { keys: 'Alt+Shift+E', by: 'Google Docs: Edit menu' },
  { keys: 'Alt+Shift+V', by: 'Google Docs: View menu' },
  { keys: 'Alt+Shift+O', by: 'Google Docs: Format menu' },
  { keys: 'Alt+Shift+H', by: 'Google Docs: Help menu' },
  { keys: 'Ctrl+Shift+Y', by: 'Firefox: Downloads library (Linux)' },
  { keys: 'Ctrl+Shift+P', by: 'Firefox: private window; Chrome DevTools: command menu' },
  { keys: 'Ctrl+Shift+S', by: 'Firefox: screenshot' },
];

/** The suggested key must be a letter with Alt+Shift or Ctrl+Shift, as the commands API allows. */
export function isValidSuggestedKey(keys: string): boolean {
  return /^(Alt|Ctrl)\+Shift\+[A-Z]$/.test(keys);
}

export function isReserved(keys: string): boolean {
  return RESERVED_SHORTCUTS.some((reserved) => reserved.keys.toLowerCase() === keys.toLowerCase());
}

/** Where each browser lets a person change extension shortcuts. */
export function shortcutSettingsPlace(firefox: boolean): string {
  return firefox ? 'about:addons → ⚙ → Manage Extension Shortcuts' : 'chrome://extensions/shortcuts';
}

// Browser glue for the UI: shows the capture shortcut as the browser has it now (the person may
// have changed or removed it), and opens the place where it is changed.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CAPTURE_COMMAND } from '../utils/manifest';
import { shortcutSettingsPlace } from '../utils/shortcut';

const FIREFOX = import.meta.env.FIREFOX === true;

/** The shortcut currently assigned to the capture command: '' if none, undefined while loading. */
function useCaptureShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);
  useEffect(() => {
    browser.commands.getAll().then(
      (commands) => setShortcut(commands.find((c) => c.name === CAPTURE_COMMAND)?.shortcut ?? ''),
      () => setShortcut(''),
    );
  }, []);
  return shortcut;
}

function openShortcutSettings(): void {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function ShortcutHint() {
  const shortcut = useCaptureShortcut();
  if (shortcut === undefined) return null;
  const place = shortcutSettingsPlace(FIREFOX);
  return (
    <p class="hint shortcut" data-testid="shortcut">
      {shortcut ? (
        <>
          Shortcut for the selection: <kbd>{shortcut}</kbd>.{' '}
        </>
      ) : (
        'No keyboard shortcut is set (another extension may have taken it). '
      )}
      <button type="button" class="link" onClick={openShortcutSettings} title={place}>
        {shortcut ? 'Change it' : 'Set one'}
      </button>{' '}
      at {place}.
    </p>
  );
}

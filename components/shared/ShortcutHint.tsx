// Browser glue for the UI: shows the capture shortcut as the browser has it now (the person may
// have changed or removed it), and opens the place where it is changed.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { CAPTURE_COMMAND } from '../../utils/manifest';
import { shortcutSettingsPlace } from '../../utils/shortcut';

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

/** Opens the browser's shortcut settings, or null where an extension cannot (Firefox before 137). */
function shortcutOpener(): (() => void) | null {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) return () => void commands.openShortcutSettings?.().catch(() => undefined);
  if (FIREFOX) return null;
  return () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }).catch(() => undefined);
}

export function ShortcutHint() {
  const shortcut = useCaptureShortcut();
  if (shortcut === undefined) return null;
  const place = FIREFOX ? t('shortcut_place_firefox') : shortcutSettingsPlace(false);
  const open = shortcutOpener();
  return (
    <p class="hint shortcut" data-testid="shortcut">
      {shortcut ? (
        <>
          {t('shortcut_is')} <kbd>{shortcut}</kbd>.{' '}
        </>
      ) : (
        `${t('shortcut_none')} `
      )}
      {open ? (
        <button type="button" class="link" onClick={open}>
          {shortcut ? t('shortcut_change') : t('shortcut_set')}
        </button>
      ) : shortcut ? (
        t('shortcut_change')
      ) : (
        t('shortcut_set')
      )}{' '}
      {t('shortcut_at', place)}
    </p>
  );
}

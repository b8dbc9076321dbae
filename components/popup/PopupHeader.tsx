import { formatBytes } from '../../utils/bytes';
import { useHistoryUsage } from '../history/useHistoryUsage';
import { preloadHistory } from './HistoryView';
import { MenuButton, type MenuEntry } from './Menu';
import { t } from './strings';

interface Props {
  /** "New prompt": shows the composer (absent while it shows). */
  onNew?: () => void;
  historyOpen: boolean;
  onHistory: () => void;
  /** Everything that is not a main action: Regenerate, variations, side panel, settings… */
  more: MenuEntry[];
}

/** The app's name and its one toolbar: New prompt, History, and the menu of the other actions. */
export function PopupHeader({ onNew, historyOpen, onHistory, more }: Props) {
  const usage = useHistoryUsage();
  return (
    <header class="bar">
      <h1>{t('appName')}</h1>
      <div class="toolbar">
        {onNew && (
          <button type="button" class="quiet" onClick={onNew}>
            {t('newPrompt')}
          </button>
        )}
        <button
          type="button"
          class="quiet"
          aria-pressed={historyOpen}
          onClick={onHistory}
          onPointerEnter={preloadHistory}
          onFocus={preloadHistory}
          title={usage && usage.entries > 0 ? formatBytes(usage.bytes) : undefined}
        >
          {usage ? t('historyCount', usage.entries) : t('history')}
        </button>
        <MenuButton class="quiet" label={t('moreActions')} entries={more}>
          <span aria-hidden="true">⋯</span>
        </MenuButton>
      </div>
    </header>
  );
}

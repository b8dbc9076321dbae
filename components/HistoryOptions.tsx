import { formatBytes, MB, usageOf } from '../utils/history';
import { LIMITS, type Settings } from '../utils/settings';
import { ClearHistory } from './ClearHistory';
import { HistoryNoticeBanner } from './HistoryNoticeBanner';
import { HistoryTransfer } from './HistoryTransfer';
import { useHistory } from './history-hooks';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface Props {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

/** Settings → History: the caps (saved with the form), what is used now, export/import, clear. */
export function HistoryOptions({ settings, onChange }: Props) {
  const { entries } = useHistory();
  const usage = usageOf(entries ?? []);
  const share = Math.min(100, Math.round((usage.bytes / (settings.historyMaxMB * MB)) * 100));
  return (
    <fieldset class="history-options">
      <legend>History</legend>
      <p class="hint">
        Finished prompts and generated images are kept in this browser only (IndexedDB). When a limit is reached, the oldest entries are
        removed first.
      </p>
      <HistoryNoticeBanner />
      <p data-testid="history-usage">
        {entries === undefined
          ? 'Reading history…'
          : `${usage.entries} of ${settings.historyMaxItems} entries (${count(usage.prompts, 'prompt')}, ${count(usage.images, 'image')}) · ${formatBytes(usage.bytes)} of ${settings.historyMaxMB} MB (${share}%)`}
      </p>
      <label for="history-max-items">Keep at most (entries)</label>
      <input
        id="history-max-items"
        type="number"
        min={LIMITS.historyMaxItems.min}
        max={LIMITS.historyMaxItems.max}
        value={settings.historyMaxItems}
        onInput={(e) => onChange({ historyMaxItems: e.currentTarget.valueAsNumber })}
      />
      <label for="history-max-mb">Keep at most (megabytes)</label>
      <input
        id="history-max-mb"
        type="number"
        min={LIMITS.historyMaxMB.min}
        max={LIMITS.historyMaxMB.max}
        value={settings.historyMaxMB}
        onInput={(e) => onChange({ historyMaxMB: e.currentTarget.valueAsNumber })}
      />
      <HistoryTransfer />
      <div class="row">
        <ClearHistory count={usage.entries} />
      </div>
    </fieldset>
  );
}

import { formatBytes, MB, usageOf } from '../../utils/history';
import type { Settings } from '../../utils/settings';
import { ClearHistory } from '../history/ClearHistory';
import { HistoryNoticeBanner } from '../history/HistoryNoticeBanner';
import { HistoryTransfer } from '../history/HistoryTransfer';
import { useHistory } from '../history/useHistory';
import { LimitField } from './LimitField';

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
      <LimitField id="history-max-items" label="Keep at most (entries)" setting="historyMaxItems" settings={settings} update={onChange} />
      <LimitField id="history-max-mb" label="Keep at most (megabytes)" setting="historyMaxMB" settings={settings} update={onChange} />
      <HistoryTransfer />
      <div class="row">
        <ClearHistory count={usage.entries} />
      </div>
    </fieldset>
  );
}

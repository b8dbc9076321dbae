import { MB, usageOf } from '../../utils/history';
import { formatNumber, formatSize, t, tn } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { ClearHistory } from '../history/ClearHistory';
import { HistoryNoticeBanner } from '../history/HistoryNoticeBanner';
import { HistoryTransfer } from '../history/HistoryTransfer';
import { useHistory } from '../history/useHistory';
import { LimitField } from './LimitField';

interface Props {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

/** Settings → History: the caps, what is used now, export/import, clear. */
export function HistoryOptions({ settings, onChange }: Props) {
  const { entries } = useHistory();
  const usage = usageOf(entries ?? []);
  const share = Math.min(1, usage.bytes / (settings.historyMaxMB * MB));
  return (
    <fieldset class="history-options" id="section-history">
      <legend>{t('section_history')}</legend>
      <p class="hint">{t('history_options_hint')}</p>
      <HistoryNoticeBanner />
      <p data-testid="history-usage">
        {entries === undefined
          ? t('history_reading')
          : t(
              'history_usage',
              t('history_entries_of', usage.entries, settings.historyMaxItems),
              tn('history_prompts', usage.prompts),
              tn('history_images', usage.images),
              t('history_size_of', formatSize(usage.bytes), formatSize(settings.historyMaxMB * MB)),
              formatNumber(share, { style: 'percent' }),
            )}
      </p>
      <LimitField id="history-max-items" label={t('history_max_items')} setting="historyMaxItems" settings={settings} update={onChange} />
      <LimitField id="history-max-mb" label={t('history_max_mb')} setting="historyMaxMB" settings={settings} update={onChange} />
      <HistoryTransfer />
      <div class="row">
        <ClearHistory count={usage.entries} />
      </div>
    </fieldset>
  );
}

import { useState } from 'preact/hooks';
import { formatSize, t } from '../../utils/i18n';
import { lazy } from '../shared/lazy';
import { useHistoryNotice } from './useHistoryNotice';
import { useHistoryUsage } from './useHistoryUsage';

/** A failed history write is rare: its words load only when there is one to show. */
const HistoryNoticeView = lazy(
  () => import('./HistoryNoticeBanner').then((module) => module.HistoryNoticeView),
  () => null,
);

/** The list itself, with the database and file code it needs, loads when the history is first opened. */
const HistoryContents = lazy(
  () => import('./HistoryContents').then((module) => module.HistoryContents),
  () => (
    <p class="status history-open" role="status">
      {t('history_opening')}
    </p>
  ),
);

/**
 * The history in the popup and side panel, collapsed: its size (from the background) and a
 * toggle. Opened, it shows HistoryContents: search, reuse, delete, clear, export and import.
 */
export function HistoryPanel() {
  const usage = useHistoryUsage();
  const [notice, dismiss] = useHistoryNotice();
  const [open, setOpen] = useState(false);
  const preload = () => void HistoryContents.preload().catch(() => undefined);

  return (
    <section class="history" aria-label={t('section_history')}>
      {notice && <HistoryNoticeView notice={notice} onDismiss={dismiss} />}
      <button
        type="button"
        class="history-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onPointerEnter={preload}
        onFocus={preload}
      >
        {!usage
          ? t('section_history')
          : usage.entries > 0
            ? t('history_toggle_size', usage.entries, formatSize(usage.bytes))
            : t('history_toggle', usage.entries)}
      </button>
      {open && <HistoryContents />}
    </section>
  );
}

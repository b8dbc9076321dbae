import { useState } from 'preact/hooks';
import { formatBytes } from '../../utils/bytes';
import { lazy } from '../shared/lazy';
import { HistoryNoticeBanner } from './HistoryNoticeBanner';
import { useHistoryUsage } from './useHistoryUsage';

/** The list itself, with the database and file code it needs, loads when the history is first opened. */
const HistoryContents = lazy(
  () => import('./HistoryContents').then((module) => module.HistoryContents),
  () => (
    <p class="status history-open" role="status">
      Opening history…
    </p>
  ),
);

/**
 * The history in the popup and side panel, collapsed: its size (from the background) and a
 * toggle. Opened, it shows HistoryContents: search, reuse, delete, clear, export and import.
 */
export function HistoryPanel() {
  const usage = useHistoryUsage();
  const [open, setOpen] = useState(false);
  const preload = () => void HistoryContents.preload().catch(() => undefined);

  return (
    <section class="history" aria-label="History">
      <HistoryNoticeBanner />
      <button
        type="button"
        class="history-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onPointerEnter={preload}
        onFocus={preload}
      >
        History{usage ? ` (${usage.entries})${usage.entries > 0 ? ` · ${formatBytes(usage.bytes)}` : ''}` : ''}
      </button>
      {open && <HistoryContents />}
    </section>
  );
}

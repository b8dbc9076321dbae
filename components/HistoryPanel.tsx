import { useState } from 'preact/hooks';
import { formatBytes, searchEntries, usageOf } from '../utils/history';
import { historyError } from '../utils/history-db';
import { notifyHistoryChanged } from '../utils/history-events';
import { send } from '../utils/messaging';
import { ClearHistory } from './ClearHistory';
import { HistoryItem } from './HistoryItem';
import { HistoryNoticeBanner } from './HistoryNoticeBanner';
import { HistoryTransfer } from './HistoryTransfer';
import { useHistory, withHistory } from './history-hooks';

/** The history in the popup and side panel: search, reuse, delete, clear, export and import. */
export function HistoryPanel() {
  const { entries, loadError } = useHistory();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const shown = entries ? searchEntries(entries, query) : [];
  const usage = usageOf(entries ?? []);

  const act = (work: () => Promise<unknown>) =>
    work().then(
      () => setError(undefined),
      (failure) => setError((failure as { error?: { detail?: string } }).error?.detail ?? historyError(failure).message),
    );
  const reuse = (jobId: string) => act(() => send('reuseJob', { jobId }));
  const remove = (jobId: string) =>
    act(async () => {
      await withHistory((db) => db.deleteEntries([jobId]));
      notifyHistoryChanged();
    });

  return (
    <section class="history" aria-label="History">
      <HistoryNoticeBanner />
      <button type="button" class="history-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        History ({usage.entries}){usage.entries > 0 ? ` · ${formatBytes(usage.bytes)}` : ''}
      </button>
      {open && (
        <div class="history-open">
          {loadError && (
            <p class="status status-error" role="alert">
              History cannot be read: {loadError}
            </p>
          )}
          <input
            type="search"
            placeholder="Search prompts, selections, pages, models…"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            data-testid="history-search"
            aria-label="Search history"
          />
          {error && (
            <p class="status status-error" role="alert">
              {error}
            </p>
          )}
          {entries && shown.length === 0 && (
            <p class="hint">{entries.length === 0 ? 'Finished prompts and generated images will appear here.' : 'Nothing matches.'}</p>
          )}
          <ul class="history-list">
            {shown.map((entry) => (
              <HistoryItem key={entry.jobId} entry={entry} onReuse={(id) => void reuse(id)} onDelete={(id) => void remove(id)} />
            ))}
          </ul>
          <div class="row">
            <ClearHistory count={usage.entries} />
          </div>
          <HistoryTransfer />
        </div>
      )}
    </section>
  );
}

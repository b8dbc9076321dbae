import { useState } from 'preact/hooks';
import { searchEntries, usageOf } from '../../utils/history';
import { deleteEntries, historyError } from '../../utils/history-store';
import { send } from '../../utils/messaging';
import { ClearHistory } from './ClearHistory';
import { HistoryItem } from './HistoryItem';
import { HistoryTransfer } from './HistoryTransfer';
import { useHistory } from './useHistory';

/**
 * The open history: search, reuse, delete, clear, export and import. Loaded on first opening
 * (see HistoryPanel.tsx): the database and file code stay out of the popup until then.
 */
export function HistoryContents() {
  const { entries, loadError } = useHistory();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const shown = entries ? searchEntries(entries, query) : [];

  const act = (work: () => Promise<unknown>) =>
    work().then(
      () => setError(undefined),
      (failure) => setError((failure as { error?: { detail?: string } }).error?.detail ?? historyError(failure).message),
    );
  const reuse = (jobId: string) => act(() => send('reuseJob', { jobId }));
  const remove = (jobId: string) => act(() => deleteEntries([jobId]));

  return (
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
      {!entries && !loadError && (
        <p class="status" role="status">
          Reading history…
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
        <ClearHistory count={usageOf(entries ?? []).entries} />
      </div>
      <HistoryTransfer />
    </div>
  );
}

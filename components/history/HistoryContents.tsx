import { useState } from 'preact/hooks';
import { searchEntries, usageOf } from '../../utils/history';
import { deleteEntries, historyError } from '../../utils/history-store';
import { t } from '../../utils/i18n';
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
          {t('history_load_error', loadError)}
        </p>
      )}
      <input
        type="search"
        placeholder={t('history_search_placeholder')}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        data-testid="history-search"
        aria-label={t('history_search_label')}
      />
      {error && (
        <p class="status status-error" role="alert">
          {error}
        </p>
      )}
      {!entries && !loadError && (
        <p class="status" role="status">
          {t('history_reading')}
        </p>
      )}
      {entries && shown.length === 0 && <p class="hint">{entries.length === 0 ? t('history_empty') : t('history_no_match')}</p>}
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

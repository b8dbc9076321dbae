import { useState } from 'preact/hooks';
import { clearHistory, historyError } from '../../utils/history-store';
import { t, tn } from '../../utils/i18n';

/** "Clear all", asked twice: the second click deletes every prompt and image. */
export function ClearHistory({ count }: { count: number }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const clear = async () => {
    setAsking(false);
    try {
      await clearHistory();
      setError(undefined);
    } catch (failure) {
      setError(historyError(failure).message);
    }
  };
  return (
    <span class="clear-history">
      {asking ? (
        <>
          <span>{tn('history_clear_question', count)} </span>
          <button type="button" class="danger" onClick={() => void clear()}>
            {t('history_clear_confirm')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('history_clear_keep')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setAsking(true)} disabled={count === 0}>
          {t('history_clear')}
        </button>
      )}
      {error && (
        <span class="status status-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

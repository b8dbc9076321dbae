import { useState } from 'preact/hooks';
import { clearHistory, historyError } from '../../utils/history-store';

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
          <span>
            Delete all {count} entr{count === 1 ? 'y' : 'ies'}?{' '}
          </span>
          <button type="button" class="danger" onClick={() => void clear()}>
            Delete all
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setAsking(true)} disabled={count === 0}>
          Clear all
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

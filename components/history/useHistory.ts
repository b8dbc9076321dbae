// The history list, read from its owner (utils/history-store.ts) and followed live through the
// "history changed" channel. (The background's last failure to save is useHistoryNotice.ts,
// which needs no database.)
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../../utils/history';
import { onHistoryChanged } from '../../utils/history-events';
import { listHistory } from '../../utils/history-store';

export interface HistoryState {
  entries: HistoryEntry[] | undefined;
  /** Why history could not be read, when it could not. */
  loadError: string | undefined;
  reload: () => void;
}

export function useHistory(): HistoryState {
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const reload = useCallback(() => {
    listHistory().then(
      (list) => {
        setEntries(list);
        setLoadError(undefined);
      },
      (error: Error) => setLoadError(error.message),
    );
  }, []);
  useEffect(() => {
    reload();
    return onHistoryChanged(reload);
  }, [reload]);
  return { entries, loadError, reload };
}

// Hooks over history (IndexedDB, shared by every extension page and the worker): the list,
// followed live through the "history changed" channel. (The background's last failure to save
// is components/useHistoryNotice.ts, which needs no database.)
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../../utils/history';
import { type HistoryDb, sharedHistory } from '../../utils/history-db';
import { onHistoryChanged } from '../../utils/history-events';

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
    sharedHistory()
      .then((db) => db.list())
      .then(
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

/** Runs a history operation in this page; resolves to the database. */
export function withHistory<T>(work: (db: HistoryDb) => Promise<T>): Promise<T> {
  return sharedHistory().then(work);
}

// Hooks over history (IndexedDB, shared by every extension page and the worker): the list,
// followed live through the "history changed" channel, and the background's last failure.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../utils/history';
import { type HistoryDb, sharedHistory } from '../utils/history-db';
import { onHistoryChanged } from '../utils/history-events';
import { type HistoryNotice, historyNoticeItem } from '../utils/history-notice';

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

/** A failure of the background's history writes (storage full…), until dismissed. */
export function useHistoryNotice(): [HistoryNotice | null, () => void] {
  const [notice, setNotice] = useState<HistoryNotice | null>(null);
  useEffect(() => {
    historyNoticeItem.getValue().then(setNotice, () => undefined);
    return historyNoticeItem.watch((next) => setNotice(next));
  }, []);
  return [notice, () => void historyNoticeItem.setValue(null)];
}

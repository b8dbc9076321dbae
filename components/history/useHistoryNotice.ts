// Browser glue for the UI: a failure of the background's history writes (storage full…), until
// dismissed. Light on purpose: the popup shows it before any history code is loaded.
import { useEffect, useState } from 'preact/hooks';
import { type HistoryNotice, historyNoticeItem } from '../../utils/history-notice';

export function useHistoryNotice(): [HistoryNotice | null, () => void] {
  const [notice, setNotice] = useState<HistoryNotice | null>(null);
  useEffect(() => {
    historyNoticeItem.getValue().then(setNotice, () => undefined);
    return historyNoticeItem.watch((next) => setNotice(next));
  }, []);
  return [notice, () => void historyNoticeItem.setValue(null)];
}

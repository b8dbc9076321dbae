// Browser glue for the UI: how big the history is, asked of the background (which has the
// database open anyway), and asked again whenever any context changes history.
import { useEffect, useState } from 'preact/hooks';
import { onHistoryChanged } from '../../utils/history-events';
import { send } from '../../utils/messaging';

export interface HistorySize {
  entries: number;
  bytes: number;
}

/** `undefined` while unknown (loading, or the background could not read history). */
export function useHistoryUsage(): HistorySize | undefined {
  const [usage, setUsage] = useState<HistorySize | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    let asked = 0;
    const ask = () => {
      const mine = ++asked;
      send('historyUsage', {}).then(
        (next) => alive && mine === asked && setUsage(next),
        () => alive && mine === asked && setUsage(undefined),
      );
    };
    ask();
    const stop = onHistoryChanged(ask);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return usage;
}

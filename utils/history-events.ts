// Browser glue: "history changed" (declared in utils/protocol.ts). The history owner writes
// IndexedDB in one context; the others (popup, side panel, options, worker) read it again.
// IndexedDB has no change events, so a BroadcastChannel carries the news.
import { HISTORY_CHANNEL, type HistoryChanged, isHistoryChanged } from './protocol';

export function notifyHistoryChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(HISTORY_CHANNEL);
  channel.postMessage({ type: 'history-changed' } satisfies HistoryChanged);
  channel.close();
}

/** Calls `onChange` whenever history changes (in this context or another); returns the unsubscribe. */
export function onHistoryChanged(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(HISTORY_CHANNEL);
  channel.onmessage = (event: MessageEvent) => isHistoryChanged(event.data) && onChange();
  return () => channel.close();
}

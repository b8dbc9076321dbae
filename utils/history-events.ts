// Browser glue: "history changed". One context writes IndexedDB, the others (popup, side panel, options)
// reload their list. IndexedDB has no change events, so a BroadcastChannel carries the news.

const CHANNEL = 'promptbrush-history';

export function notifyHistoryChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

/** Calls `onChange` whenever another context changes history; returns the unsubscribe. */
export function onHistoryChanged(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => onChange();
  return () => channel.close();
}

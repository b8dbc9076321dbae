// Double clicks never fire duplicate requests: what makes two job requests "the same", and
// when a second one is dropped in favour of the job already running. Pure.

/** A second request with no text of its own (e.g. "use selection") within this time is a double click. */
export const DOUBLE_CLICK_MS = 1500;

export interface ActiveRequest {
  jobId: string;
  key: string;
  startedAt: number;
}

/** Text typed into the popup: the text itself is the identity of the request. */
export function textRequestKey(text: string): string {
  return `text:${text.trim()}`;
}

/** A tab's selection: with the browser's copy of the selected text where there is one. */
export function tabRequestKey(tabId: number, frameId: number | undefined, selectionText: string | undefined): string {
  const where = `${tabId}:${frameId ?? 0}`;
  return selectionText?.trim() ? `sel:${where}:${selectionText.trim()}` : `tab:${where}`;
}

/**
 * True when a new request should join the running job instead of replacing it: same request
 * while that job is still running. Requests that carry their text are the same for as long as
 * the job runs; requests that do not (the tab's selection is read later) only within
 * DOUBLE_CLICK_MS, since the person may have selected something else since.
 */
export function isDuplicateRequest(active: ActiveRequest | null, key: string, now: number, stillRunning: boolean): boolean {
  if (!active || !stillRunning || active.key !== key) return false;
  if (key.startsWith('tab:')) return now - active.startedAt < DOUBLE_CLICK_MS;
  return true;
}

/** An image: the one right-clicked in a tab's frame, or the pasted file (its size and last characters tell files apart). */
export function imageRequestKey(where: { tabId: number; frameId?: number; srcUrl: string } | { dataUrl: string }): string {
  if ('dataUrl' in where) return `paste:${where.dataUrl.length}:${where.dataUrl.slice(-200)}`;
  return `img:${where.tabId}:${where.frameId ?? 0}:${where.srcUrl.length}:${where.srcUrl.slice(-500)}`;
}

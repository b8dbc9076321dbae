// Double clicks never fire duplicate requests: what makes two job requests "the same", and
// when a second one is dropped in favour of the job already running. Pure.
import type { CraftChoice } from '../craft';

/** A second request with no text of its own (e.g. "use selection") within this time is a double click. */
export const DOUBLE_CLICK_MS = 1500;
/**
 * A request that carries its text joins the running job only while that job shows signs of life
 * (its start, or streamed text) within this time: a second click never joins a stalled job.
 */
export const DEDUPE_WINDOW_MS = 10_000;

export interface ActiveRequest {
  jobId: string;
  key: string;
  startedAt: number;
  /** The last streamed text (absent until the first). */
  lastActivityAt?: number;
}

/** The craft choice a request carries (target, style, aspect, takes): another choice is another request. */
function choiceKey(choice: Partial<CraftChoice> | undefined): string {
  if (!choice) return '';
  return `|${choice.target ?? ''}/${choice.style ?? ''}/${choice.aspectRatio ?? ''}/${choice.variationCount ?? ''}`;
}

/** Text typed into the popup: the text itself (and the choice) is the identity of the request. */
export function textRequestKey(text: string, choice?: Partial<CraftChoice>): string {
  return `text:${text.trim()}${choiceKey(choice)}`;
}

/** A tab's selection: with the browser's copy of the selected text where there is one. */
export function tabRequestKey(
  tabId: number,
  frameId: number | undefined,
  selectionText: string | undefined,
  choice?: Partial<CraftChoice>,
): string {
  const where = `${tabId}:${frameId ?? 0}`;
  return `${selectionText?.trim() ? `sel:${where}:${selectionText.trim()}` : `tab:${where}`}${choiceKey(choice)}`;
}

/**
 * True when a new request should join the running job instead of replacing it: same request
 * while that job is still running and alive. Requests that carry their text are the same while
 * the job streams (DEDUPE_WINDOW_MS since its last sign of life); requests that do not (the
 * tab's selection is read later) only within DOUBLE_CLICK_MS, since the person may have selected
 * something else since.
 */
export function isDuplicateRequest(active: ActiveRequest | null, key: string, now: number, stillRunning: boolean): boolean {
  if (!active || !stillRunning || active.key !== key) return false;
  if (key.startsWith('tab:')) return now - active.startedAt < DOUBLE_CLICK_MS;
  return now - (active.lastActivityAt ?? active.startedAt) < DEDUPE_WINDOW_MS;
}

/** An image: the one right-clicked in a tab's frame, or the pasted file (its size and last characters tell files apart). */
export function imageRequestKey(
  where: { tabId: number; frameId?: number; srcUrl: string } | { dataUrl: string },
  choice?: Partial<CraftChoice>,
): string {
  if ('dataUrl' in where) return `paste:${where.dataUrl.length}:${where.dataUrl.slice(-200)}${choiceKey(choice)}`;
  return `img:${where.tabId}:${where.frameId ?? 0}:${where.srcUrl.length}:${where.srcUrl.slice(-500)}${choiceKey(choice)}`;
}

// Browser glue: the last history write that failed in the background (storage full, …), kept in
// storage.session so the popup, side panel and options show it until the person dismisses it.
// Quota errors are reported, never swallowed.

import type { ErrorKind } from './error-kinds';
import { storedValue } from './stored-value';

export interface HistoryNotice {
  kind: ErrorKind;
  /** What was being saved, e.g. "the prompt" or "an image". */
  what: string;
  detail?: string;
  at: number;
}

export const historyNoticeItem = storedValue<HistoryNotice | null>('session:historyNotice', null);

// Browser glue: which external generator the person used last (one click from the prompt next time),
// and what the popup says at its next open when a fill could not be done (it closes when the site opens).

import type { FillFailure } from './protocol';
import { storedValue } from './stored-value';

export const lastGeneratorItem = storedValue<string>('local:lastGenerator', '');

/** A fill that did not happen, for the next popup open: the prompt is on the clipboard, to paste. */
export interface HandoffNotice {
  generatorName: string;
  reason: FillFailure;
  at: number;
}

export const handoffNoticeItem = storedValue<HandoffNotice | null>('session:handoffNotice', null);

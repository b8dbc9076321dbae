// Browser glue: which external generator the person used last (one click from the prompt next time),
// and what the popup says at its next open when a fill could not be done (it closes when the site opens).
import { storage } from 'wxt/utils/storage';
import type { FillFailure } from './protocol';

export const lastGeneratorItem = storage.defineItem<string>('local:lastGenerator', { fallback: '' });

/** A fill that did not happen, for the next popup open: the prompt is on the clipboard, to paste. */
export interface HandoffNotice {
  generatorName: string;
  reason: FillFailure;
  at: number;
}

export const handoffNoticeItem = storage.defineItem<HandoffNotice | null>('session:handoffNotice', { fallback: null });

// Browser glue: the latest image run, kept in storage.session next to the job (small: state,
// model, ids of its images). Its own module because the popup reads it when it opens, before any
// image code is loaded; the bytes are in the history database (utils/history-store.ts), the
// background's writes in utils/background/image-run-store.ts.
import { storage } from 'wxt/utils/storage';
import type { ImageRun } from './image-run';

export const imageRunItem = storage.defineItem<ImageRun | null>('session:imageRun', { fallback: null });

export function readImageRun(): Promise<ImageRun | null> {
  return imageRunItem.getValue();
}

export function watchImageRun(callback: (run: ImageRun | null) => void): () => void {
  return imageRunItem.watch((run) => callback(run));
}

// Browser glue: the latest image run, kept in storage.session next to the job (small: state,
// model, ids of its images). Its own module because the popup reads it when it opens, before any
// image code is loaded; the bytes are in the history database (utils/history-store.ts), the
// background's writes in utils/background/image-run-store.ts.

import type { ImageRun } from './image-run';
import { storedValue } from './stored-value';

export const imageRunItem = storedValue<ImageRun | null>('session:imageRun', null);

export function readImageRun(): Promise<ImageRun | null> {
  return imageRunItem.getValue();
}

export function watchImageRun(callback: (run: ImageRun | null) => void): () => void {
  return imageRunItem.watch((run) => callback(run));
}

// What an import of a history file did; the history view says it in words. Pure (the import
// itself is importHistory in utils/history-store.ts; the file format is utils/history-file.ts).
import type { Rejection } from './history-file';

export interface ImportReport {
  prompts: number;
  images: number;
  /** Already in history (same id): left as they were. */
  skipped: number;
  rejected: Rejection[];
  /** Oldest entries removed afterwards to stay within the caps. */
  evicted: number;
}

// What an import of a history file did, and how the person reads it. Pure (the import itself is
// importHistory in utils/history-store.ts; the file format is utils/history-file.ts).
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report as the person reads it. */
export function describeImport(report: ImportReport): string[] {
  const lines = [`Imported ${plural(report.prompts, 'prompt')} and ${plural(report.images, 'image')}.`];
  if (report.skipped > 0) lines.push(`${plural(report.skipped, 'record')} already in history, left as they were.`);
  if (report.rejected.length > 0) {
    lines.push(`Rejected ${plural(report.rejected.length, 'record')}:`);
    for (const { what, reason } of report.rejected.slice(0, 20)) lines.push(`• ${what}: ${reason}`);
    if (report.rejected.length > 20) lines.push(`• …and ${report.rejected.length - 20} more.`);
  }
  if (report.evicted > 0) {
    lines.push(`${report.evicted} oldest ${report.evicted === 1 ? 'entry' : 'entries'} removed to stay within your history limits.`);
  }
  return lines;
}

// Export and import of the whole history, on top of the database and the file format.
import type { HistoryCaps, ImageWithBytes } from './history';
import type { HistoryDb } from './history-db';
import { buildExport, parseImport, type Rejection } from './history-file';

type Thumbnailer = (bytes: Uint8Array, mime: string) => Promise<{ mime: string; bytes: Uint8Array } | undefined>;

export interface ImportReport {
  prompts: number;
  images: number;
  /** Already in history (same id): left as they were. */
  skipped: number;
  rejected: Rejection[];
  /** Oldest entries removed afterwards to stay within the caps. */
  evicted: number;
}

export async function exportHistory(db: HistoryDb, now: Date): Promise<{ json: string; prompts: number; images: number }> {
  const { prompts, images } = await db.exportAll();
  return { json: JSON.stringify(buildExport(prompts, images, now)), prompts: prompts.length, images: images.length };
}

export async function importHistory(
  db: HistoryDb,
  text: string,
  caps: HistoryCaps,
  thumbnail: Thumbnailer,
): Promise<ImportReport | { error: string }> {
  const parsed = parseImport(text);
  if ('error' in parsed) return parsed;
  const images: ImageWithBytes[] = [];
  for (const image of parsed.images) {
    const thumb = await thumbnail(image.bytes, image.mime);
    images.push({ ...image, size: image.bytes.length + (thumb?.bytes.length ?? 0), ...(thumb ? { thumb } : {}) });
  }
  const counts = await db.importRecords(parsed.prompts, images);
  const evicted = await db.enforceCaps(caps);
  return { ...counts, rejected: parsed.rejected, evicted: evicted.length };
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

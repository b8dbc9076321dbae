// Browser glue: what an import of a history file did, in the person's language. (Why a record
// was rejected comes from the file check, utils/history-file.ts, in English.)
import type { ImportReport } from '../../utils/history-import';
import { t, tn } from '../../utils/i18n';

const SHOWN_REJECTIONS = 20;

export function describeImport(report: ImportReport): string[] {
  const lines = [t('import_done', tn('history_prompts', report.prompts), tn('history_images', report.images))];
  if (report.skipped > 0) lines.push(tn('import_skipped', report.skipped));
  if (report.rejected.length > 0) {
    lines.push(tn('import_rejected', report.rejected.length));
    for (const { what, reason } of report.rejected.slice(0, SHOWN_REJECTIONS)) lines.push(`• ${what}: ${reason}`);
    if (report.rejected.length > SHOWN_REJECTIONS) lines.push(t('import_rejected_more', report.rejected.length - SHOWN_REJECTIONS));
  }
  if (report.evicted > 0) lines.push(tn('import_evicted', report.evicted));
  return lines;
}

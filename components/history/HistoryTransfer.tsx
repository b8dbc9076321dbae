import { useState } from 'preact/hooks';
import { exportFileName, importTooLarge } from '../../utils/history-file';
import { exportHistory, historyError, importHistory } from '../../utils/history-store';
import { t, tn } from '../../utils/i18n';
import { describeImport } from './import-report';

type Report = { tone: 'ok' | 'error'; lines: string[] } | null;

function download(json: string, name: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export history to a file, import it back, and say what happened. */
export function HistoryTransfer() {
  const [report, setReport] = useState<Report>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<Report>) => {
    setBusy(true);
    try {
      setReport(await work());
    } catch (error) {
      setReport({ tone: 'error', lines: [historyError(error).message] });
    } finally {
      setBusy(false);
    }
  };

  const exportAll = () =>
    run(async () => {
      const now = new Date();
      const { json, prompts, images } = await exportHistory(now);
      download(json, exportFileName(now));
      return { tone: 'ok', lines: [t('export_done', tn('history_prompts', prompts), tn('history_images', images), exportFileName(now))] };
    });

  const importFile = (file: File | undefined) =>
    file &&
    run(async () => {
      // Checked before the file is read: a huge file would only freeze the page.
      const tooBig = importTooLarge(file.size);
      if (tooBig) return { tone: 'error', lines: [tooBig] };
      const result = await importHistory(await file.text());
      if ('error' in result) return { tone: 'error', lines: [result.error] };
      return { tone: result.rejected.length > 0 ? 'error' : 'ok', lines: describeImport(result) };
    });

  return (
    <div class="history-transfer">
      <div class="row">
        <button type="button" onClick={() => void exportAll()} disabled={busy}>
          {t('history_export')}
        </button>
        <label class={`button${busy ? ' disabled' : ''}`}>
          {t('history_import')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="history-import"
            disabled={busy}
            onChange={(event) => {
              void importFile(event.currentTarget.files?.[0]);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {report && (
        <div class={`status status-${report.tone}`} role="status" data-testid="history-transfer-report">
          {report.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
}

import { t } from '../../utils/i18n';
import type { ConnectionReport } from '../../utils/protocol';

interface Props {
  report: ConnectionReport | null;
  busy: boolean;
  /** Click on "Test connection" (a user gesture: host access may be asked for). */
  onTest: () => void;
  /** The button's words (default "Test connection"). */
  label?: string;
}

/** "Test connection" and its result, in words. */
export function ConnectionTest({ report, busy, onTest, label }: Props) {
  return (
    <div class="connection-test">
      <div class="row">
        <button type="button" onClick={onTest} disabled={busy}>
          {busy ? t('test_running') : (label ?? t('test_button'))}
        </button>
      </div>
      {report && (
        <div
          class={`notice ${report.ok ? 'notice-ok' : 'notice-error'}`}
          role="status"
          data-testid="test-report"
          data-ok={report.ok}
          data-error-kind={report.errorKind}
        >
          <p>{report.message}</p>
          {report.help && <code class="help">{report.help}</code>}
        </div>
      )}
    </div>
  );
}

import { ERROR_KINDS, type ErrorKindInfo } from '../../utils/error-kinds';
import { errorWords, fixLabel } from '../../utils/error-words';
import type { JobError } from '../../utils/errors';
import type { SettingsField } from '../../utils/settings-fields';
import { t } from './strings';

export interface ErrorNoticeProps {
  error: JobError;
  onRetry?: () => void;
  /** Opens Settings, focused on the field that fixes the problem. */
  onOpenOptions: (field?: SettingsField) => void;
}

/** The error table's row for a failure: its title, words and help, with Retry or the Fix that leads to the setting. */
export function ErrorNoticeBody({ error, onRetry, onOpenOptions }: ErrorNoticeProps) {
  const info: ErrorKindInfo = ERROR_KINDS[error.kind];
  const words = errorWords(error.kind);
  const retry = info.action === 'retry' && onRetry;
  // A Fix button for every row that names a setting; the main action for "open-options" rows.
  const fix = info.field ?? (info.action === 'open-options' ? undefined : null);
  return (
    <div class={`notice notice-${error.kind === 'cancelled' ? 'info' : 'error'}`} role="alert" data-error-kind={error.kind}>
      <strong>{words.title}</strong>
      <p>{words.message}</p>
      {info.help && <code class="help">{info.help}</code>}
      {error.retryAfterSeconds !== undefined && <p>{t('providerWait', error.retryAfterSeconds)}</p>}
      {error.detail && <p class="detail">{t('details', error.detail)}</p>}
      <div class="row">
        {retry && (
          <button type="button" class="primary" onClick={onRetry} data-testid="retry">
            {t('retry')}
          </button>
        )}
        {fix !== null && (
          <button
            type="button"
            class={info.action === 'open-options' ? 'primary' : ''}
            onClick={() => onOpenOptions(fix)}
            data-testid="fix"
            data-field={fix}
          >
            {fix ? fixLabel(fix) : t('openSettings')}
          </button>
        )}
      </div>
    </div>
  );
}

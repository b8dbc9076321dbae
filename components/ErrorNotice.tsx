import { ERROR_KINDS } from '../utils/error-kinds';
import type { JobError } from '../utils/job';

interface Props {
  error: JobError;
  onRetry?: () => void;
  onOpenOptions: () => void;
}

export function ErrorNotice({ error, onRetry, onOpenOptions }: Props) {
  const info = ERROR_KINDS[error.kind];
  return (
    <div class={`notice notice-${error.kind === 'cancelled' ? 'info' : 'error'}`} role="alert" data-error-kind={error.kind}>
      <strong>{info.title}</strong>
      <p>{info.message}</p>
      {error.retryAfterSeconds !== undefined && <p>The provider asks to wait {error.retryAfterSeconds} s.</p>}
      {error.detail && <p class="detail">Provider said: {error.detail}</p>}
      <div class="row">
        {info.action === 'retry' && onRetry && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )}
        {info.action === 'open-options' && (
          <button type="button" onClick={onOpenOptions}>
            Open settings
          </button>
        )}
      </div>
    </div>
  );
}

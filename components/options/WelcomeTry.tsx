import { useState } from 'preact/hooks';
import { errorWords } from '../../utils/error-words';
import { errorRow, type JobError, unknownError } from '../../utils/errors';
import { t } from '../../utils/i18n';
import { send } from '../../utils/messaging';
import { useJobById } from './useJobById';

interface Props {
  /** Saves what waits (a pasted key, a new endpoint) before the request goes out. */
  flush: () => Promise<void>;
}

/** The welcome's try-out: a sample paragraph turned into a prompt right here, streamed in. */
export function WelcomeTry({ flush }: Props) {
  const [text, setText] = useState(() => t('welcome_sample'));
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<JobError | null>(null);
  const [sending, setSending] = useState(false);
  const job = useJobById(jobId);
  const running = sending || job?.status === 'capturing' || job?.status === 'expanding';
  const error = failure ?? (job?.status === 'error' ? (job.error ?? { kind: 'unknown' }) : null);

  const write = async () => {
    setFailure(null);
    setSending(true);
    try {
      await flush();
      setJobId((await send('expandText', { text })).jobId);
    } catch (caught) {
      setFailure(errorRow(caught, unknownError));
    } finally {
      setSending(false);
    }
  };

  const words = error ? errorWords(error.kind) : null;
  return (
    <div class="try">
      <label for="welcome-sample">{t('welcome_sample_label')}</label>
      <textarea id="welcome-sample" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="row">
        <button type="button" class="primary" onClick={() => void write()} disabled={running || !text.trim()}>
          {t('welcome_write')}
        </button>
        <span class="status" role="status" data-testid="welcome-status">
          {running ? t('welcome_writing') : job?.status === 'ready' ? t('welcome_ready') : ''}
        </span>
      </div>
      {job?.prompt && (
        <div class="try-result">
          <h3>{t('welcome_prompt_label')}</h3>
          <p class="try-prompt" data-testid="welcome-prompt" aria-busy={running}>
            {job.prompt}
          </p>
        </div>
      )}
      {words && error && (
        <div class="notice notice-error" role="alert" data-testid="welcome-error" data-error-kind={error.kind}>
          <strong>{words.title}</strong>
          <p>{words.message}</p>
          {error.detail && <p class="detail">{t('common_details', error.detail)}</p>}
        </div>
      )}
      {job?.status === 'ready' && <p class="hint">{t('welcome_ready_next')}</p>}
    </div>
  );
}

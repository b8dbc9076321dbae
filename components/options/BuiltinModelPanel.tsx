import { useState } from 'preact/hooks';
import { type BuiltinState, classifyBuiltinError, downloadBuiltin, type LanguageModelApi } from '../../utils/builtin-model';
import { errorWords } from '../../utils/error-words';
import { errorRow, type JobError } from '../../utils/errors';
import { formatNumber, t } from '../../utils/i18n';

interface Props {
  api: LanguageModelApi | undefined;
  state: BuiltinState;
  /** Asks the browser again after a download. */
  onChanged: () => void;
}

/** Chrome's on-device model: its download state, and the download button (a user gesture). */
export function BuiltinModelPanel({ api, state, onChanged }: Props) {
  const [progress, setProgress] = useState<number | null>(state === 'downloading' ? 0 : null);
  const [error, setError] = useState<JobError | null>(null);

  const download = () => {
    setError(null);
    setProgress(0);
    // Called straight from the click: Chrome starts the download only during a user gesture.
    downloadBuiltin(api, setProgress).then(onChanged, (failure: unknown) => {
      setProgress(null);
      setError(errorRow(failure, classifyBuiltinError));
    });
  };

  return (
    <div class="builtin" data-testid="builtin-state" data-state={state}>
      <p>{t(`builtin_${state}`)}</p>
      {progress !== null && state !== 'available' && (
        <p>
          <progress max={1} value={progress} aria-label={t('builtin_progress_label')} />{' '}
          {t('builtin_downloaded', formatNumber(progress, { style: 'percent' }))}
        </p>
      )}
      {state === 'downloadable' && progress === null && (
        <button type="button" class="primary" onClick={download}>
          {t('builtin_download')}
        </button>
      )}
      {error && (
        <p class="status-error" role="alert">
          {errorWords(error.kind).title}
          {error.detail ? `: ${error.detail}` : ''}
        </p>
      )}
    </div>
  );
}

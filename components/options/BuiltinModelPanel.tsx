import { useState } from 'preact/hooks';
import { BUILTIN_STATES, type BuiltinState, classifyBuiltinError, downloadBuiltin, type LanguageModelApi } from '../../utils/builtin-model';
import { ERROR_KINDS } from '../../utils/error-kinds';
import { errorRow, type JobError } from '../../utils/errors';

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
      <p>{BUILTIN_STATES[state].text}</p>
      {progress !== null && state !== 'available' && (
        <p>
          <progress max={1} value={progress} /> {Math.round(progress * 100)} % downloaded
        </p>
      )}
      {state === 'downloadable' && progress === null && (
        <button type="button" class="primary" onClick={download}>
          Download the model
        </button>
      )}
      {error && (
        <p class="status-error" role="alert">
          {ERROR_KINDS[error.kind].title}
          {error.detail ? `: ${error.detail}` : ''}
        </p>
      )}
    </div>
  );
}

import type { PromptForImage } from '../../utils/image-input';
import { describeRun, type ImageRun, isGenerating } from '../../utils/image-run';
import { send } from '../../utils/messaging';
import { lazy } from '../shared/lazy';
import { useRequestErrors } from '../shared/useRequestError';
import { ErrorNotice } from './ErrorNotice';
import { useImageRun } from './useImageRun';
import '../shared/images.css';

interface Props {
  jobId: string;
  input: PromptForImage;
  /** The prompt is still being written, or there is none. */
  disabled: boolean;
  onOpenOptions: () => void;
}

/** Progress and results, with the image store and viewer code, load only once there is a run to show. */
const ImageRunView = lazy(
  () => import('./ImageRunView').then((module) => module.ImageRunView),
  ({ run }: { run: ImageRun; request: (send: () => Promise<unknown>) => void }) => (
    <p class="status" role="status">
      {isGenerating(run) ? 'Starting the image…' : 'Loading the image…'}
    </p>
  ),
);

/** "Generate image" and what came of it: progress, partial images, results or what went wrong. */
export function ImagePanel({ jobId, input, disabled, onOpenOptions }: Props) {
  const run = useImageRun();
  const mine = run && run.jobId === jobId ? run : null;
  const busy = isGenerating(mine);
  // A refused request (a prompt too long to send, no answer) is shown here, not swallowed.
  const requests = useRequestErrors();
  const generate = () => void requests.run(() => send('generateImage', { jobId, ...input }));

  return (
    <section class="images" aria-label="Image">
      {!busy && (
        <div class="row">
          <button type="button" onClick={generate} disabled={disabled || input.prompt.trim() === ''}>
            {mine?.status === 'done' ? 'Generate again' : 'Generate image'}
          </button>
          {mine?.status === 'done' && <span class="hint">{describeRun(mine)}</span>}
        </div>
      )}
      {mine && (busy || mine.status === 'done') && <ImageRunView run={mine} request={(send) => void requests.run(send)} />}
      {mine?.status === 'error' && mine.error && (
        <ErrorNotice error={mine.error} onOpenOptions={onOpenOptions} onRetry={disabled ? undefined : generate} />
      )}
      {requests.failure && (
        <div data-testid="image-request-error">
          <ErrorNotice error={requests.failure.error} onOpenOptions={onOpenOptions} onRetry={requests.failure.retry} />
        </div>
      )}
    </section>
  );
}

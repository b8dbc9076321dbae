import type { PromptForImage } from '../../utils/image-input';
import { describeRun, type ImageRun, isGenerating } from '../../utils/image-run';
import { send } from '../../utils/messaging';
import { lazy } from '../shared/lazy';
import { type RequestErrors, useRequestErrors } from '../shared/useRequestError';
import { ErrorNotice } from './ErrorNotice';
import { t } from './strings';
import { useImageRun } from './useImageRun';
import '../shared/images.css';

/** Progress and results, with the image store and viewer code, load only once there is a run to show. */
const ImageRunView = lazy(
  () => import('./ImageRunView').then((module) => module.ImageRunView),
  ({ run }: { run: ImageRun; request: (send: () => Promise<unknown>) => void }) => (
    <p class="status">{isGenerating(run) ? t('imageStarting') : t('imageLoading')}</p>
  ),
);

export interface ImageGeneration {
  /** The latest run, when it draws this job's prompt. */
  run: ImageRun | null;
  busy: boolean;
  generate: () => void;
  /** A refused request (a prompt too long to send, no answer), shown by the panel, not swallowed. */
  requests: RequestErrors;
}

/** "Generate image" for the job's prompt as shown, and the run it started. */
export function useImageGeneration(jobId: string, input: PromptForImage): ImageGeneration {
  const latest = useImageRun();
  const run = latest && latest.jobId === jobId ? latest : null;
  const requests = useRequestErrors();
  return {
    run,
    busy: isGenerating(run),
    generate: () => void requests.run(() => send('generateImage', { jobId, ...input })),
    requests,
  };
}

interface Props {
  generation: ImageGeneration;
  /** Retry is offered only while the prompt can be sent. */
  canRetry: boolean;
  onOpenOptions: () => void;
}

/** What came of "Generate image": progress, partial images, the images, or what went wrong. */
export function ImagePanel({ generation, canRetry, onOpenOptions }: Props) {
  const { run, busy, generate, requests } = generation;
  if (!run && !requests.failure) return null;
  return (
    <section class="images" aria-label={t('imageSection')}>
      {run?.status === 'done' && <p class="hint">{describeRun(run)}</p>}
      {run && (busy || run.status === 'done') && <ImageRunView run={run} request={(send) => void requests.run(send)} />}
      {run?.status === 'error' && run.error && (
        <ErrorNotice error={run.error} onOpenOptions={onOpenOptions} onRetry={canRetry ? generate : undefined} />
      )}
      {requests.failure && (
        <div data-testid="image-request-error">
          <ErrorNotice error={requests.failure.error} onOpenOptions={onOpenOptions} onRetry={requests.failure.retry} />
        </div>
      )}
    </section>
  );
}

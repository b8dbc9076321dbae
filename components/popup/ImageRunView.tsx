import { describeRun, formatElapsed, type ImageRun, isGenerating } from '../../utils/image-run';
import { send } from '../../utils/messaging';
import { ImageProgress } from './ImageProgress';
import { ImageResult } from './ImageResult';
import { ImageSeed } from './ImageSeed';
import { useNow, useStoredImage } from './useStoredImage';

interface Props {
  run: ImageRun;
  /** Runs a request to the background; the panel shows its failure. */
  request: (send: () => Promise<unknown>) => void;
}

function Progress({ run, request }: Props) {
  const now = useNow(true);
  const partial = useStoredImage(run.partial?.id);
  const elapsed = formatElapsed(now - run.startedAt);
  return (
    <div class="image-progress" data-testid="image-progress">
      <p class="status" role="status">
        {run.status === 'starting' ? 'Choosing the image model…' : `Drawing with ${describeRun(run)}…`}{' '}
        <span class="elapsed">{elapsed}</span>
      </p>
      {run.modelPicked && run.model && (
        <p class="hint">No image model chosen in Settings: using {run.model}, the best one your endpoint lists.</p>
      )}
      <ImageProgress progress={run.progress} />
      {partial && partial !== 'gone' ? (
        <img
          class="partial"
          src={partial.url}
          alt={`Preview ${(run.partial?.index ?? 0) + 1}, still being drawn`}
          data-testid="partial-image"
        />
      ) : (
        <div class="image-placeholder" aria-hidden="true" />
      )}
      {run.status === 'generating' && !run.streaming && (
        <p class="hint">This model sends the picture only when it is finished; it often takes 20–60 s.</p>
      )}
      <button type="button" onClick={() => request(() => send('cancelImage', { runId: run.id }))}>
        Cancel
      </button>
    </div>
  );
}

/**
 * A run being drawn (progress, partial images, Cancel) or drawn (the images, Download, Copy,
 * full size). Loaded only once there is such a run (see ImagePanel.tsx).
 */
export function ImageRunView({ run, request }: Props) {
  if (isGenerating(run)) return <Progress run={run} request={request} />;
  if (run.status !== 'done') return null;
  return (
    <>
      <div class={`image-grid count-${run.images.length}`}>
        {run.images.map((meta, index) => (
          <ImageResult key={meta.id} meta={meta} prompt={run.prompt} index={index} count={run.images.length}>
            <ImageSeed run={run} image={meta} request={request} />
          </ImageResult>
        ))}
      </div>
      {run.sizeApproximate && (
        <p class="hint">
          The model has no size of exactly {run.aspect}: {run.size?.replace('x', '×')} is the closest it draws.
        </p>
      )}
    </>
  );
}

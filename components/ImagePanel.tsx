import type { PromptForImage } from '../utils/image-input';
import { formatElapsed, type ImageRun, isGenerating } from '../utils/image-run';
import { send } from '../utils/messaging';
import { ErrorNotice } from './ErrorNotice';
import { ImageResult } from './ImageResult';
import { useImageRun, useNow, useStoredImage } from './image-hooks';
import './images.css';

interface Props {
  jobId: string;
  input: PromptForImage;
  /** The prompt is still being written, or there is none. */
  disabled: boolean;
  onOpenOptions: () => void;
}

function describe(run: ImageRun): string {
  const parts = [run.model ?? ''];
  if (run.size) parts.push(run.size.replace('x', '×'));
  if (run.quality && run.quality !== 'auto') parts.push(`${run.quality} quality`);
  if (run.count && run.count > 1) parts.push(`${run.count} images`);
  return parts.filter(Boolean).join(' · ');
}

function Progress({ run }: { run: ImageRun }) {
  const now = useNow(true);
  const partial = useStoredImage(run.partial?.key);
  const elapsed = formatElapsed(now - run.startedAt);
  return (
    <div class="image-progress" data-testid="image-progress">
      <p class="status" role="status">
        {run.status === 'starting' ? 'Choosing the image model…' : `Drawing with ${describe(run)}…`} <span class="elapsed">{elapsed}</span>
      </p>
      {run.modelPicked && run.model && (
        <p class="hint">No image model chosen in Settings: using {run.model}, the best one your endpoint lists.</p>
      )}
      {partial ? (
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
      <button type="button" onClick={() => void send('cancelImage', { runId: run.id }).catch(() => undefined)}>
        Cancel
      </button>
    </div>
  );
}

/** "Generate image" and what came of it: progress, partial images, results or what went wrong. */
export function ImagePanel({ jobId, input, disabled, onOpenOptions }: Props) {
  const run = useImageRun();
  const mine = run && run.jobId === jobId ? run : null;
  const busy = isGenerating(mine);
  const generate = () => void send('generateImage', { jobId, ...input }).catch(() => undefined);

  return (
    <section class="images" aria-label="Image">
      {!busy && (
        <div class="row">
          <button type="button" onClick={generate} disabled={disabled || input.prompt.trim() === ''}>
            {mine?.status === 'done' ? 'Generate again' : 'Generate image'}
          </button>
          {mine?.status === 'done' && <span class="hint">{describe(mine)}</span>}
        </div>
      )}
      {mine && busy && <Progress run={mine} />}
      {mine?.status === 'error' && mine.error && (
        <ErrorNotice error={mine.error} onOpenOptions={onOpenOptions} onRetry={disabled ? undefined : generate} />
      )}
      {mine?.status === 'done' && (
        <div class={`image-grid count-${mine.images.length}`}>
          {mine.images.map((meta, index) => (
            <ImageResult key={meta.key} meta={meta} prompt={mine.prompt} index={index} count={mine.images.length} />
          ))}
        </div>
      )}
      {mine?.status === 'done' && mine.sizeApproximate && (
        <p class="hint">
          The model has no size of exactly {mine.aspect}: {mine.size?.replace('x', '×')} is the closest it draws.
        </p>
      )}
    </section>
  );
}

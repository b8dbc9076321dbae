import { describeRun, formatElapsed, type ImageRun, isGenerating } from '../../utils/image-run';
import { send } from '../../utils/messaging';
import { ImageProgress } from './ImageProgress';
import { ImageResult } from './ImageResult';
import { ImageSeed } from './ImageSeed';
import { t } from './strings';
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
      <div class="row">
        {/* The live region says what is happening once; the clock beside it ticks silently. */}
        <p class="status" role="status">
          {run.status === 'starting' ? t('choosingModel') : t('drawingWith', describeRun(run))}
        </p>
        <span class="elapsed status">{elapsed}</span>
        <button type="button" class="small" onClick={() => request(() => send('cancelImage', { runId: run.id }))}>
          {t('cancel')}
        </button>
      </div>
      {run.modelPicked && run.model && <p class="hint">{t('modelPicked', run.model)}</p>}
      {run.status === 'generating' && !run.streaming && <p class="hint">{t('slowModel')}</p>}
      <ImageProgress progress={run.progress} />
      {partial && partial !== 'gone' ? (
        <img class="partial" src={partial.url} alt={t('previewAlt', (run.partial?.index ?? 0) + 1)} data-testid="partial-image" />
      ) : (
        <div class="image-placeholder" aria-hidden="true" />
      )}
    </div>
  );
}

/**
 * A run being drawn (progress, partial images, Cancel) or drawn (the images at full width, with
 * Download, Copy image and Full size on them). Loaded only once there is such a run (see ImagePanel.tsx).
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
      {run.sizeApproximate && <p class="hint">{t('sizeApproximate', run.aspect, run.size?.replace('x', '×') ?? '')}</p>}
    </>
  );
}

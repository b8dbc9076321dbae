import type { RunImage } from '../../utils/history';
import type { ImageRun } from '../../utils/image-run';
import { send } from '../../utils/messaging';
import { t } from './strings';

interface Props {
  run: ImageRun;
  image: RunImage;
  /** Runs a request to the background; the panel shows its failure. */
  request: (send: () => Promise<unknown>) => void;
}

/** The seed an image was drawn with, and drawing the same prompt again with it or with a new one. */
export function ImageSeed({ run, image, request }: Props) {
  if (image.seed === undefined) return null;
  const again = (seed: number) =>
    request(() =>
      send('generateImage', {
        jobId: run.jobId,
        prompt: run.prompt,
        ...(run.negativePrompt ? { negativePrompt: run.negativePrompt } : {}),
        aspect: run.aspect,
        seed,
      }),
    );
  return (
    <p class="image-seed row" data-testid="image-seed">
      <span>
        {t('seed')} <code>{image.seed}</code>
      </span>
      <button type="button" class="link" onClick={() => again(image.seed as number)} title={t('sameSeedTitle')}>
        {t('sameSeed')}
      </button>
      <button type="button" class="link" onClick={() => again(-1)} title={t('newSeedTitle')}>
        {t('newSeed')}
      </button>
    </p>
  );
}

import { formatSize } from '../../utils/i18n';
import type { SourceImage } from '../../utils/image-source';
import type { CapturedSource } from '../../utils/job';
import { ContextSummary } from './ContextSummary';
import { t } from './strings';

const FORMATS: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/png': 'PNG' };

/** Exactly what was sent: the image (as a thumbnail), its size and format, and how it was read. */
export function describeSent(image: SourceImage): string {
  const scaled = image.originalWidth !== image.width || image.originalHeight !== image.height;
  const facts = t('imageSentFacts', `${image.width}×${image.height}`, FORMATS[image.mime] ?? image.mime, formatSize(image.bytes));
  return scaled ? `${facts} ${t('imageScaledFrom', `${image.originalWidth}×${image.originalHeight}`)}` : facts;
}

export function ImageSourceSummary({ source, image }: { source: CapturedSource; image: SourceImage }) {
  // How the image was read, when the person should know (utils/image-source.ts VIA_NOTES has the English).
  const note = image.via === 'screenshot' ? t('viaScreenshot') : undefined;
  return (
    <section class="source source-image" aria-label={t('imageSentLabel')}>
      <div class="source-head">
        <span class="label">{t('imageSentLabel')}</span>
      </div>
      <div class="source-image-row">
        {image.thumbnail && <img src={image.thumbnail} alt={t('imageSentAlt')} data-testid="source-thumb" />}
        <p class="hint" data-testid="source-image-facts">
          {describeSent(image)}
          {image.name ? ` · ${image.name}` : ''}
        </p>
      </div>
      {note && (
        <p class="hint context-note" role="note" data-testid="source-screenshot">
          {note}
        </p>
      )}
      {(source.title || source.url) && <ContextSummary source={source} />}
    </section>
  );
}

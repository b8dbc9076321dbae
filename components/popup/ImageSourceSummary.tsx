import { formatBytes } from '../../utils/bytes';
import { type SourceImage, VIA_NOTES } from '../../utils/image-source';
import type { CapturedSource } from '../../utils/job';
import { ContextSummary } from './ContextSummary';

const FORMATS: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/png': 'PNG' };

/** Exactly what was sent: the image (as a thumbnail), its size and format, and how it was read. */
export function describeSent(image: SourceImage): string {
  const scaled = image.originalWidth !== image.width || image.originalHeight !== image.height;
  return `${image.width}×${image.height} ${FORMATS[image.mime] ?? image.mime}, ${formatBytes(image.bytes)}${
    scaled ? ` (scaled down from ${image.originalWidth}×${image.originalHeight})` : ''
  }`;
}

export function ImageSourceSummary({ source, image }: { source: CapturedSource; image: SourceImage }) {
  const note = VIA_NOTES[image.via];
  return (
    <section class="source source-image" aria-label="Image sent">
      <div class="source-head">
        <span class="label">Image sent</span>
      </div>
      <div class="source-image-row">
        {image.thumbnail && <img src={image.thumbnail} alt="What was sent to the model" data-testid="source-thumb" />}
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

import { useState } from 'preact/hooks';
import type { CapturedSource } from '../../utils/job';
import { preview } from '../../utils/text';
import { lazy } from '../shared/lazy';
import { ContextSummary } from './ContextSummary';

/** What an image source sent: loaded only for jobs from an image. */
const ImageSourceSummary = lazy(
  () => import('./ImageSourceSummary').then((module) => module.ImageSourceSummary),
  () => (
    <p class="status" role="status">
      Image sent…
    </p>
  ),
);

export function SourceSummary({ source }: { source: CapturedSource }) {
  const [open, setOpen] = useState(false);
  if (source.image) return <ImageSourceSummary source={source} image={source.image} />;
  return (
    <section class="source" aria-label="Captured text">
      <div class="source-head">
        <span class="label">Text sent</span>
        {source.text.length > 160 && (
          <button type="button" class="link" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? 'Show less' : 'Show all'}
          </button>
        )}
      </div>
      <p class="source-text" data-testid="source-text">
        {open ? source.text : preview(source.text)}
      </p>
      {source.shortened && (
        <p class="hint" data-testid="shortened">
          Shortened from {source.originalLength.toLocaleString('en')} to {source.text.length.toLocaleString('en')} characters.
        </p>
      )}
      <ContextSummary source={source} />
    </section>
  );
}

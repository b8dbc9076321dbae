import { useState } from 'preact/hooks';
import type { CapturedSource } from '../../utils/job';
import { preview } from '../../utils/text';
import { lazy } from '../shared/lazy';
import { ContextSummary } from './ContextSummary';
import { t } from './strings';

/** What an image source sent: loaded only for jobs from an image. */
const ImageSourceSummary = lazy(
  () => import('./ImageSourceSummary').then((module) => module.ImageSourceSummary),
  () => <p class="status">{t('imageSent')}</p>,
);

/** The text the prompt was written from, in two lines (all of it on request), and what else was sent. */
export function SourceSummary({ source }: { source: CapturedSource }) {
  const [open, setOpen] = useState(false);
  if (source.image) return <ImageSourceSummary source={source} image={source.image} />;
  return (
    <section class="source" aria-label={t('sourceLabel')}>
      <p class={`source-text${open ? ' open' : ''}`} data-testid="source-text">
        {open ? source.text : preview(source.text)}
      </p>
      <div class="source-meta">
        {source.text.length > 100 && (
          <button type="button" class="quiet small" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? t('showLess') : t('showAll')}
          </button>
        )}
        {source.shortened && (
          <span class="hint" data-testid="shortened">
            {t('shortened', source.originalLength.toLocaleString(), source.text.length.toLocaleString())}
          </span>
        )}
        <ContextSummary source={source} />
      </div>
    </section>
  );
}

import { useState } from 'preact/hooks';
import type { CapturedSource } from '../../utils/job';
import { preview } from '../../utils/text';
import { ContextSummary } from './ContextSummary';
import { t } from './strings';

/** The text the prompt was written from, in two lines (all of it on request), and what else was sent. */
export function SourceSummary({ source }: { source: CapturedSource }) {
  const [open, setOpen] = useState(false);
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

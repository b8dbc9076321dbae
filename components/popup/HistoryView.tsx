import type { Ref } from 'preact';
import { lazy } from '../shared/lazy';
import { t } from './strings';

/** The history list (search, reuse, delete, clear, export, import) and its database code load on first showing. */
const HistoryContents = lazy(
  () => import('../history/HistoryContents').then((module) => module.HistoryContents),
  () => (
    <p class="status" role="status">
      {t('openingHistory')}
    </p>
  ),
);

/** Starts loading the history ahead of need (the pointer is on its button). */
export const preloadHistory = () => void HistoryContents.preload().catch(() => undefined);

/** History as a view of its own (popup) or under the job (side panel). */
export function HistoryView({ headingRef }: { headingRef?: Ref<HTMLHeadingElement> }) {
  return (
    <section class="history-view" aria-labelledby="history-title">
      <h2 class="label" id="history-title" tabIndex={-1} ref={headingRef}>
        {t('historyView')}
      </h2>
      <HistoryContents />
    </section>
  );
}

import type { CapturedSource } from '../../utils/job';
import { surroundingLine } from '../../utils/source';
import { type PopupStringKey, t } from './strings';

/**
 * Exactly the page context that went to the model with the text (the same fields
 * utils/chat-request.ts renders), or why there was none.
 */
export function ContextSummary({ source }: { source: CapturedSource }) {
  if (source.contextNote) {
    return (
      <p class="hint context-note" role="note" data-testid="context-unavailable">
        {source.contextNote}
      </p>
    );
  }
  const around = surroundingLine(source);
  const all: [PopupStringKey, PopupStringKey, string | undefined][] = [
    ['contextTitle', 'contextTitleInList', source.title],
    ['contextAddress', 'contextAddressInList', source.url],
    ['contextHeading', 'contextHeadingInList', source.heading],
    ['contextAround', 'contextAroundInList', around],
  ];
  const rows = all.filter((row): row is [PopupStringKey, PopupStringKey, string] => !!row[2]);
  if (rows.length === 0) {
    return (
      <p class="hint" data-testid="context-sent">
        {t('contextNone')}
      </p>
    );
  }
  return (
    <details class="context" data-testid="context-sent">
      <summary class="hint">{t('contextSent', rows.map(([, inList]) => t(inList)).join(', '))}</summary>
      <dl>
        {rows.map(([name, , value]) => (
          <div key={name}>
            <dt>{t(name)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

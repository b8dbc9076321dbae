import type { CapturedSource } from '../../utils/job';
import { surroundingLine } from '../../utils/source';

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
  const all: [string, string | undefined][] = [
    ['Page title', source.title],
    ['Address', source.url],
    ['Nearest heading', source.heading],
    ['Surrounding text', around],
  ];
  const rows = all.filter((row): row is [string, string] => !!row[1]);
  if (rows.length === 0) {
    return (
      <p class="hint" data-testid="context-sent">
        No page context was sent: only the text.
      </p>
    );
  }
  return (
    <details class="context" data-testid="context-sent">
      <summary class="hint">Also sent: {rows.map(([name]) => name.toLowerCase()).join(', ')}</summary>
      <dl>
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

import type { ContextSettings } from '../../utils/settings';
import { SURROUNDING_CHARS } from '../../utils/source';
import { ShortcutHint } from '../shared/ShortcutHint';

interface Props {
  value: ContextSettings;
  onChange: (next: ContextSettings) => void;
}

const SWITCHES: readonly { key: keyof ContextSettings; label: string }[] = [
  { key: 'title', label: 'Page title' },
  { key: 'url', label: 'Page address (origin and path, e.g. https://example.com/story)' },
  { key: 'urlQuery', label: '…with its query string and fragment (?… and #…), which often hold personal data' },
  { key: 'heading', label: 'The nearest heading above the selection' },
  { key: 'surrounding', label: `Up to ${SURROUNDING_CHARS} characters of text before and after the selection` },
];

/** Options: which page context goes with a selection (privacy), and the capture shortcut. */
export function CaptureOptions({ value, onChange }: Props) {
  return (
    <fieldset data-testid="capture-options">
      <legend>Capture and privacy</legend>
      <p class="hint">
        Sent to your provider with the text you select, to help the model picture it. The popup shows exactly what was sent. Nothing is read
        from a page until you use the menu, the shortcut or the popup button there.
      </p>
      {SWITCHES.map(({ key, label }) => (
        <label class="check" key={key}>
          <input
            type="checkbox"
            name={`context-${key}`}
            checked={value[key]}
            disabled={key === 'urlQuery' && !value.url}
            onChange={(event) => onChange({ ...value, [key]: event.currentTarget.checked })}
          />
          {label}
        </label>
      ))}
      <ShortcutHint />
    </fieldset>
  );
}

import { type MessageKey, t } from '../../utils/i18n';
import type { ContextSettings } from '../../utils/settings';
import { SURROUNDING_CHARS } from '../../utils/source';
import { ShortcutHint } from '../shared/ShortcutHint';

interface Props {
  value: ContextSettings;
  onChange: (next: ContextSettings) => void;
}

const SWITCHES: readonly { key: keyof ContextSettings; label: MessageKey }[] = [
  { key: 'title', label: 'capture_title' },
  { key: 'url', label: 'capture_url' },
  { key: 'urlQuery', label: 'capture_url_query' },
  { key: 'heading', label: 'capture_heading' },
  { key: 'surrounding', label: 'capture_surrounding' },
];

/** Options: which page context goes with a selection (privacy), and the capture shortcut. */
export function CaptureOptions({ value, onChange }: Props) {
  return (
    <fieldset data-testid="capture-options" id="section-capture">
      <legend>{t('section_capture')}</legend>
      <p class="hint">{t('capture_hint')}</p>
      {SWITCHES.map(({ key, label }) => (
        <label class="check" key={key}>
          <input
            type="checkbox"
            name={`context-${key}`}
            checked={value[key]}
            disabled={key === 'urlQuery' && !value.url}
            onChange={(event) => onChange({ ...value, [key]: event.currentTarget.checked })}
          />
          {t(label, SURROUNDING_CHARS)}
        </label>
      ))}
      <ShortcutHint />
    </fieldset>
  );
}

import '../shared/images.css';
import { useState } from 'preact/hooks';
import { customSite } from '../../utils/generator-edits';
import {
  copyGenerator,
  DEFAULT_GENERATORS,
  type ExternalGenerator,
  isValidTemplate,
  MAX_GENERATORS,
  newGeneratorId,
} from '../../utils/generators';

interface Props {
  generators: ExternalGenerator[];
  onChange: (generators: ExternalGenerator[]) => void;
}

const lines = (text: string) => text.split('\n').map((s) => s.trim());

/**
 * Settings › External generators: per row a name, an address, how the prompt gets there (filled
 * into the site's box, or the address opened), the box's selectors, on/off; add, remove, restore the
 * defaults, and a "Custom site" to fill. Changes are saved with the form.
 */
export function GeneratorsOptions({ generators, onChange }: Props) {
  const [customUrl, setCustomUrl] = useState('');
  const [customSelector, setCustomSelector] = useState('');
  const edit = (index: number, patch: Partial<ExternalGenerator>) =>
    onChange(generators.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  const add = () =>
    onChange([
      ...generators,
      {
        id: newGeneratorId('my-generator', generators),
        name: 'My generator',
        urlTemplate: 'https://',
        mode: 'open',
        promptSelectors: [],
        negativeSelectors: [],
        enabled: true,
      },
    ]);
  const custom = customSite(customUrl, customSelector, generators);
  const addCustom = () => {
    if (!custom) return;
    onChange([...generators, custom]);
    setCustomUrl('');
    setCustomSelector('');
  };
  const full = generators.length >= MAX_GENERATORS;

  return (
    <fieldset>
      <legend>External generators</legend>
      <p class="hint">
        "Open in…" copies the prompt, then opens the address. Write <code>{'{prompt}'}</code> where the site reads the prompt from its
        address (and <code>{'{negative}'}</code> for a negative prompt); without it the site just opens and you paste. "Fill its prompt box"
        types the prompt into the site's box (found by the selectors, one per line, then by its label) and never presses Generate; your
        browser asks once for access to that site.
      </p>
      <ul class="generators-list" data-testid="generators">
        {generators.map((g, index) => (
          <li key={g.id}>
            <input
              aria-label={`Name of generator ${index + 1}`}
              value={g.name}
              onInput={(e) => edit(index, { name: e.currentTarget.value })}
            />
            <input
              aria-label={`Address of ${g.name}`}
              value={g.urlTemplate}
              aria-invalid={!isValidTemplate(g.urlTemplate)}
              onInput={(e) => edit(index, { urlTemplate: e.currentTarget.value })}
            />
            <button type="button" onClick={() => onChange(generators.filter((_, i) => i !== index))} aria-label={`Remove ${g.name}`}>
              Remove
            </button>
            <label>
              <input
                type="checkbox"
                checked={g.enabled}
                onChange={(e) => edit(index, { enabled: e.currentTarget.checked })}
                aria-label={`Offer ${g.name}`}
              />{' '}
              Offered
            </label>
            <select
              aria-label={`How the prompt reaches ${g.name}`}
              value={g.mode}
              onChange={(e) => edit(index, { mode: e.currentTarget.value === 'fill' ? 'fill' : 'open' })}
            >
              <option value="fill">Fill its prompt box</option>
              <option value="open">Open the address</option>
            </select>
            <span />
            {g.mode === 'fill' && (
              <>
                <textarea
                  rows={2}
                  aria-label={`Prompt box selectors of ${g.name}`}
                  placeholder="Prompt box selector (optional)"
                  value={g.promptSelectors.join('\n')}
                  onInput={(e) => edit(index, { promptSelectors: lines(e.currentTarget.value) })}
                />
                <textarea
                  rows={2}
                  aria-label={`Negative prompt box selectors of ${g.name}`}
                  placeholder="Negative prompt box selector (optional)"
                  value={g.negativeSelectors.join('\n')}
                  onInput={(e) => edit(index, { negativeSelectors: lines(e.currentTarget.value) })}
                />
                <span />
              </>
            )}
          </li>
        ))}
      </ul>
      {generators.some((g) => !isValidTemplate(g.urlTemplate)) && (
        <p class="status status-error">Addresses must start with http:// or https://; rows without a valid one are dropped on save.</p>
      )}
      <div class="row">
        <button type="button" onClick={add} disabled={full}>
          Add generator
        </button>
        <button type="button" onClick={() => onChange(DEFAULT_GENERATORS.map(copyGenerator))}>
          Restore defaults
        </button>
      </div>
      <fieldset class="custom-site">
        <legend>Custom site</legend>
        <p class="hint">
          The page with the prompt box, and optionally a CSS selector for the box (without one, the box labelled prompt is used).
        </p>
        <div class="row">
          <input
            aria-label="Custom site address"
            placeholder="https://"
            value={customUrl}
            onInput={(e) => setCustomUrl(e.currentTarget.value)}
          />
          <input
            aria-label="Custom site prompt box selector"
            placeholder="textarea#prompt (optional)"
            value={customSelector}
            onInput={(e) => setCustomSelector(e.currentTarget.value)}
          />
          <button type="button" onClick={addCustom} disabled={!custom || full}>
            Add custom site
          </button>
        </div>
      </fieldset>
    </fieldset>
  );
}

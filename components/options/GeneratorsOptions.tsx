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
import { t } from '../../utils/i18n';
import { CodeText } from '../shared/CodeText';

interface Props {
  generators: ExternalGenerator[];
  onChange: (generators: ExternalGenerator[]) => void;
}

const lines = (text: string) => text.split('\n').map((s) => s.trim());

/**
 * Settings › External generators: per row a name, an address, how the prompt gets there (filled
 * into the site's box, or the address opened), the box's selectors, on/off; add, remove, restore the
 * defaults, and a "Custom site" to fill. Each change saves itself.
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
        name: t('generators_new_name'),
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
    <fieldset id="section-generators">
      <legend>{t('section_generators')}</legend>
      <p class="hint">
        <CodeText text={t('generators_hint')} />
      </p>
      <ul class="generators-list" data-testid="generators">
        {generators.map((g, index) => (
          <li key={g.id}>
            <input
              aria-label={t('generators_name_label', index + 1)}
              value={g.name}
              onInput={(e) => edit(index, { name: e.currentTarget.value })}
            />
            <input
              aria-label={t('generators_address_label', g.name || String(index + 1))}
              value={g.urlTemplate}
              aria-invalid={!isValidTemplate(g.urlTemplate)}
              onInput={(e) => edit(index, { urlTemplate: e.currentTarget.value })}
            />
            <button
              type="button"
              onClick={() => onChange(generators.filter((_, i) => i !== index))}
              aria-label={t('generators_remove_label', g.name || String(index + 1))}
            >
              {t('common_remove')}
            </button>
            <label>
              <input
                type="checkbox"
                checked={g.enabled}
                onChange={(e) => edit(index, { enabled: e.currentTarget.checked })}
                aria-label={t('generators_offer_label', g.name || String(index + 1))}
              />{' '}
              {t('generators_offered')}
            </label>
            <select
              aria-label={t('generators_mode_label', g.name || String(index + 1))}
              value={g.mode}
              onChange={(e) => edit(index, { mode: e.currentTarget.value === 'fill' ? 'fill' : 'open' })}
            >
              <option value="fill">{t('generators_mode_fill')}</option>
              <option value="open">{t('generators_mode_open')}</option>
            </select>
            <span />
            {g.mode === 'fill' && (
              <>
                <textarea
                  rows={2}
                  aria-label={t('generators_prompt_selectors_label', g.name || String(index + 1))}
                  placeholder={t('generators_prompt_selectors_placeholder')}
                  value={g.promptSelectors.join('\n')}
                  onInput={(e) => edit(index, { promptSelectors: lines(e.currentTarget.value) })}
                />
                <textarea
                  rows={2}
                  aria-label={t('generators_negative_selectors_label', g.name || String(index + 1))}
                  placeholder={t('generators_negative_selectors_placeholder')}
                  value={g.negativeSelectors.join('\n')}
                  onInput={(e) => edit(index, { negativeSelectors: lines(e.currentTarget.value) })}
                />
                <span />
              </>
            )}
          </li>
        ))}
      </ul>
      {generators.some((g) => !isValidTemplate(g.urlTemplate)) && <p class="status status-error">{t('generators_invalid')}</p>}
      <div class="row">
        <button type="button" onClick={add} disabled={full}>
          {t('generators_add')}
        </button>
        <button type="button" onClick={() => onChange(DEFAULT_GENERATORS.map(copyGenerator))}>
          {t('generators_restore')}
        </button>
      </div>
      <fieldset class="custom-site">
        <legend>{t('custom_site_legend')}</legend>
        <p class="hint">{t('custom_site_hint')}</p>
        <div class="row">
          <input
            aria-label={t('custom_site_address')}
            placeholder="https://"
            value={customUrl}
            onInput={(e) => setCustomUrl(e.currentTarget.value)}
          />
          <input
            aria-label={t('custom_site_selector')}
            placeholder={t('custom_site_selector_placeholder')}
            value={customSelector}
            onInput={(e) => setCustomSelector(e.currentTarget.value)}
          />
          <button type="button" onClick={addCustom} disabled={!custom || full}>
            {t('custom_site_add')}
          </button>
        </div>
      </fieldset>
    </fieldset>
  );
}

import '../shared/images.css';
import { DEFAULT_GENERATORS, type ExternalGenerator, isValidTemplate, MAX_GENERATORS, newGeneratorId } from '../../utils/generators';
import { t } from '../../utils/i18n';
import { CodeText } from '../shared/CodeText';

interface Props {
  generators: ExternalGenerator[];
  onChange: (generators: ExternalGenerator[]) => void;
}

/** Settings › External generators: name + address template, add, remove, restore the defaults. */
export function GeneratorsOptions({ generators, onChange }: Props) {
  const edit = (index: number, patch: Partial<ExternalGenerator>) =>
    onChange(generators.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  const add = () =>
    onChange([...generators, { id: newGeneratorId('my-generator', generators), name: t('generators_new_name'), urlTemplate: 'https://' }]);

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
          </li>
        ))}
      </ul>
      {generators.some((g) => !isValidTemplate(g.urlTemplate)) && <p class="status status-error">{t('generators_invalid')}</p>}
      <div class="row">
        <button type="button" onClick={add} disabled={generators.length >= MAX_GENERATORS}>
          {t('generators_add')}
        </button>
        <button type="button" onClick={() => onChange(DEFAULT_GENERATORS.map((g) => ({ ...g })))}>
          {t('generators_restore')}
        </button>
      </div>
    </fieldset>
  );
}

import '../shared/images.css';
import { DEFAULT_GENERATORS, type ExternalGenerator, isValidTemplate, MAX_GENERATORS, newGeneratorId } from '../../utils/generators';

interface Props {
  generators: ExternalGenerator[];
  onChange: (generators: ExternalGenerator[]) => void;
}

/** Settings › External generators: name + address template, add, remove, restore the defaults. */
export function GeneratorsOptions({ generators, onChange }: Props) {
  const edit = (index: number, patch: Partial<ExternalGenerator>) =>
    onChange(generators.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  const add = () =>
    onChange([...generators, { id: newGeneratorId('my-generator', generators), name: 'My generator', urlTemplate: 'https://' }]);

  return (
    <fieldset>
      <legend>External generators</legend>
      <p class="hint">
        "Open in…" copies the prompt, then opens the address. Write <code>{'{prompt}'}</code> where the site reads the prompt from its
        address (and <code>{'{negative}'}</code> for a negative prompt); without it the site just opens and you paste.
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
          </li>
        ))}
      </ul>
      {generators.some((g) => !isValidTemplate(g.urlTemplate)) && (
        <p class="status status-error">Addresses must start with http:// or https://; rows without a valid one are dropped on save.</p>
      )}
      <div class="row">
        <button type="button" onClick={add} disabled={generators.length >= MAX_GENERATORS}>
          Add generator
        </button>
        <button type="button" onClick={() => onChange(DEFAULT_GENERATORS.map((g) => ({ ...g })))}>
          Restore defaults
        </button>
      </div>
    </fieldset>
  );
}

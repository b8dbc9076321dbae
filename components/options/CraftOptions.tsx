import { MAX_CUSTOM_INSTRUCTIONS_CHARS } from '../../utils/craft';
import type { Settings } from '../../utils/settings';
import { TARGETS, type TargetId } from '../../utils/targets';
import { CraftPickers } from '../popup/CraftPickers';
import { TemplateEditor } from './TemplateEditor';
import '../shared/craft.css';

interface Props {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}

/** The options page's prompt-craft section; saved with the rest of the settings form. */
export function CraftOptions({ settings, update }: Props) {
  const { target, style, aspectRatio, variationCount } = settings;
  const setTemplate = (id: TargetId, template: string | undefined) => {
    const { [id]: _old, ...others } = settings.templates;
    update({ templates: template === undefined ? others : { ...others, [id]: template } });
  };

  return (
    <fieldset data-testid="craft-options">
      <legend>Prompt craft</legend>
      <p class="hint">Defaults for new prompts. Changing a picker in the popup changes them too.</p>
      <CraftPickers idPrefix="default" choice={{ target, style, aspectRatio, variationCount }} onChange={update} />

      <label for="midjourney-version">Midjourney version (written as --v on every Midjourney prompt)</label>
      <input
        id="midjourney-version"
        value={settings.midjourneyVersion}
        pattern="[1-8](\.[0-9])?"
        title="A version such as 7 or 6.1, or empty"
        placeholder="Empty: keep the version the model writes"
        onInput={(e) => update({ midjourneyVersion: e.currentTarget.value.trim() })}
      />

      <label class="check" for="keep-language">
        <input
          id="keep-language"
          type="checkbox"
          checked={settings.keepSourceLanguage}
          onChange={(e) => update({ keepSourceLanguage: e.currentTarget.checked })}
        />{' '}
        Write prompts in the language of the selected text (otherwise in English, which generators understand best)
      </label>

      <label for="custom-instructions">Custom instructions, added to every request</label>
      <textarea
        id="custom-instructions"
        rows={3}
        maxLength={MAX_CUSTOM_INSTRUCTIONS_CHARS}
        value={settings.customInstructions}
        placeholder="For example: prefer muted, natural colours; never show faces."
        onInput={(e) => update({ customInstructions: e.currentTarget.value })}
      />

      <div class="templates">
        <p class="hint">
          Templates: the message that carries the selection, per target. Use <code>{'{{selection}}'}</code> for the selected text and{' '}
          <code>{'{{context}}'}</code> for the page title and address. Each target's output rules are always sent as well.
        </p>
        {TARGETS.map((row) => (
          <TemplateEditor key={row.id} target={row} override={settings.templates[row.id]} onChange={(t) => setTemplate(row.id, t)} />
        ))}
      </div>
    </fieldset>
  );
}

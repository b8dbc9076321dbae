import { MAX_CUSTOM_INSTRUCTIONS_CHARS } from '../../utils/craft';
import { t } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { TARGETS, type TargetId } from '../../utils/targets';
import { CodeText } from '../shared/CodeText';
import { CraftDefaults } from './CraftDefaults';
import { TemplateEditor } from './TemplateEditor';
import '../shared/craft.css';

interface Props {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}

/** The options page's prompt-craft section. */
export function CraftOptions({ settings, update }: Props) {
  const { target, style, aspectRatio, variationCount } = settings;
  const setTemplate = (id: TargetId, template: string | undefined) => {
    const { [id]: _old, ...others } = settings.templates;
    update({ templates: template === undefined ? others : { ...others, [id]: template } });
  };

  return (
    <fieldset data-testid="craft-options" id="section-craft">
      <legend>{t('section_craft')}</legend>
      <p class="hint">{t('craft_hint')}</p>
      <CraftDefaults choice={{ target, style, aspectRatio, variationCount }} onChange={update} />

      <label for="midjourney-version">{t('craft_mj_version')}</label>
      <input
        id="midjourney-version"
        value={settings.midjourneyVersion}
        pattern="[1-8](\.[0-9])?"
        title={t('craft_mj_version_title')}
        placeholder={t('craft_mj_version_placeholder')}
        onInput={(e) => update({ midjourneyVersion: e.currentTarget.value.trim() })}
      />

      <label class="check" for="keep-language">
        <input
          id="keep-language"
          type="checkbox"
          checked={settings.keepSourceLanguage}
          onChange={(e) => update({ keepSourceLanguage: e.currentTarget.checked })}
        />{' '}
        {t('craft_keep_language')}
      </label>

      <label for="custom-instructions">{t('craft_instructions')}</label>
      <textarea
        id="custom-instructions"
        rows={3}
        maxLength={MAX_CUSTOM_INSTRUCTIONS_CHARS}
        value={settings.customInstructions}
        placeholder={t('craft_instructions_placeholder')}
        onInput={(e) => update({ customInstructions: e.currentTarget.value })}
      />

      <div class="templates">
        <p class="hint">
          <CodeText text={t('craft_templates_hint')} />
        </p>
        {TARGETS.map((row) => (
          <TemplateEditor key={row.id} target={row} override={settings.templates[row.id]} onChange={(tpl) => setTemplate(row.id, tpl)} />
        ))}
      </div>
    </fieldset>
  );
}

import { t } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { LimitField } from './LimitField';

interface Props {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}

/** How much text is sent, and how long the model may take. */
export function LimitsOptions({ settings, update }: Props) {
  return (
    <fieldset id="section-limits">
      <legend>{t('section_limits')}</legend>
      <LimitField id="max-chars" label={t('limits_max_chars')} setting="maxSelectionChars" settings={settings} update={update} />
      <LimitField id="timeout" label={t('limits_timeout')} setting="requestTimeoutSeconds" settings={settings} update={update} />
      <LimitField id="idle-timeout" label={t('limits_idle_timeout')} setting="idleTimeoutSeconds" settings={settings} update={update} />
    </fieldset>
  );
}

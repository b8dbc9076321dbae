import { isOffered } from '../../utils/builtin-model';
import { t } from '../../utils/i18n';
import { PROVIDER_IDS, type ProviderId } from '../../utils/providers';
import { ProviderConnection } from './ProviderConnection';
import { providerHint, providerLabel } from './provider-words';
import { useBuiltinModel } from './useBuiltinModel';
import type { ProviderForm } from './useProviderForm';
import type { SettingsForm } from './useSettingsForm';

interface Props {
  form: SettingsForm;
  provider: ProviderForm;
}

/** Settings › Provider: the preset, then its endpoint, key, chat model and Test connection. */
export function ProviderFieldset({ form, provider }: Props) {
  const { settings } = form;
  const builtin = useBuiltinModel();
  const offered = PROVIDER_IDS.filter((id) => id !== 'chrome-builtin' || isOffered(builtin.state) || settings.provider === id);
  return (
    <fieldset class="provider" id="section-provider">
      <legend>{t('section_provider')}</legend>
      <label for="provider">{t('provider_field')}</label>
      <select id="provider" value={settings.provider} onChange={(e) => form.chooseProvider(e.currentTarget.value as ProviderId)}>
        {offered.map((id) => (
          <option key={id} value={id}>
            {providerLabel(id)}
          </option>
        ))}
      </select>
      <p class="hint" data-testid="provider-hint">
        {providerHint(settings.provider)}
      </p>
      <ProviderConnection key={settings.provider} form={form} provider={provider} builtin={builtin} />
    </fieldset>
  );
}

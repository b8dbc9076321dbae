import type { BuiltinState } from '../../utils/builtin-model';
import { isOffered } from '../../utils/builtin-model';
import { t } from '../../utils/i18n';
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from '../../utils/providers';
import { providerHint, providerLabel } from './provider-words';

interface Props {
  value: ProviderId;
  builtin: BuiltinState;
  onChoose: (id: ProviderId) => void;
}

/** The welcome's first step: every provider as a choice with what it needs (a key, a local server, nothing). */
export function ProviderChoice({ value, builtin, onChoose }: Props) {
  const offered = PROVIDER_IDS.filter((id) => id !== 'chrome-builtin' || isOffered(builtin) || value === id);
  return (
    <fieldset class="choices" data-testid="provider-choice">
      <legend class="visually-hidden">{t('welcome_step_provider')}</legend>
      {offered.map((id) => {
        const preset = PROVIDERS[id];
        const needs = !preset.http ? t('welcome_needs_device') : preset.needsKey ? t('welcome_needs_key') : t('welcome_needs_server');
        return (
          <div class={`choice${value === id ? ' chosen' : ''}`} key={id}>
            <input
              type="radio"
              name="welcome-provider"
              id={`choose-${id}`}
              value={id}
              checked={value === id}
              aria-describedby={`choose-${id}-hint`}
              onChange={() => onChoose(id)}
            />
            <label for={`choose-${id}`}>
              {providerLabel(id)} <span class="badge">{needs}</span>
            </label>
            <p class="hint" id={`choose-${id}-hint`}>
              {providerHint(id)}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}

import { t } from '../../utils/i18n';
import { ShortcutHint } from '../shared/ShortcutHint';
import { ProviderChoice } from './ProviderChoice';
import { ProviderConnection } from './ProviderConnection';
import { SaveBar } from './SaveBar';
import { useBuiltinModel } from './useBuiltinModel';
import type { ProviderForm } from './useProviderForm';
import type { SettingsForm } from './useSettingsForm';
import { WelcomeTry } from './WelcomeTry';

const FIREFOX = import.meta.env.FIREFOX === true;

interface Props {
  form: SettingsForm;
  provider: ProviderForm;
}

/** First run (options.html#welcome): provider, key, Test, a try on a sample paragraph, and pin the icon. */
export function Welcome({ form, provider }: Props) {
  const builtin = useBuiltinModel();
  return (
    <main class="options welcome" onFocusOut={() => void form.flush()}>
      <header class="options-head">
        <h1>{t('welcome_heading')}</h1>
      </header>
      <p class="lead">{t('welcome_lead')}</p>
      <ol class="steps">
        <li>
          <section aria-labelledby="step-provider">
            <h2 id="step-provider">{t('welcome_step_provider')}</h2>
            <ProviderChoice value={form.settings.provider} builtin={builtin.state} onChoose={form.chooseProvider} />
          </section>
        </li>
        <li>
          <section aria-labelledby="step-connect" class="provider">
            <h2 id="step-connect">{t('welcome_step_connect')}</h2>
            <ProviderConnection key={form.settings.provider} form={form} provider={provider} builtin={builtin} />
          </section>
        </li>
        <li>
          <section aria-labelledby="step-try">
            <h2 id="step-try">{t('welcome_step_try')}</h2>
            <WelcomeTry flush={form.flush} />
          </section>
        </li>
        <li>
          <section aria-labelledby="step-pin">
            <h2 id="step-pin">{t('welcome_step_pin')}</h2>
            <p>{FIREFOX ? t('welcome_pin_firefox') : t('welcome_pin_chrome')}</p>
            <p>{t('welcome_how_to_use')}</p>
            <ShortcutHint />
          </section>
        </li>
      </ol>
      <SaveBar status={form.status} />
      <p class="welcome-end">
        <a href="#section-provider" class="link-button">
          {t('welcome_all_settings')}
        </a>
      </p>
    </main>
  );
}

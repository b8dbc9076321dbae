import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { OptionsPage } from './OptionsPage';
import { useImageBackendForm } from './useImageBackendForm';
import { useProviderForm } from './useProviderForm';
import { useSettingsForm } from './useSettingsForm';
import { Welcome } from './Welcome';
import './options.css';

const isWelcome = () => location.hash === '#welcome';

/** Settings, or on first run (options.html#welcome) the welcome: both save every change at once. */
export function OptionsApp() {
  const provider = useProviderForm();
  const image = useImageBackendForm();
  const form = useSettingsForm(provider, image);
  const [welcome, setWelcome] = useState(isWelcome);
  useEffect(() => {
    const follow = () => setWelcome(isWelcome());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.title = welcome ? t('welcome_page_title') : t('options_page_title');
  }, [welcome]);

  if (!form) {
    return (
      <main class="options">
        <p role="status">{t('common_loading')}</p>
      </main>
    );
  }
  return welcome ? <Welcome form={form} provider={provider} /> : <OptionsPage form={form} provider={provider} image={image} />;
}

import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { uiLanguage } from '../../utils/i18n';
import '../../components/shared/styles.css';

document.documentElement.lang = uiLanguage();
render(<OptionsApp />, document.getElementById('app') as HTMLElement);

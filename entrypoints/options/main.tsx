import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import { uiLanguage } from '../../utils/i18n';
import '../../components/shared/styles.css';

document.documentElement.lang = uiLanguage();
render(
  <ErrorBoundary>
    <OptionsApp />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);

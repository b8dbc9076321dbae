import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import '../../components/shared/styles.css';

render(
  <ErrorBoundary>
    <OptionsApp />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);

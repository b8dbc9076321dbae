import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import '../../components/shared/styles.css';

render(
  <ErrorBoundary>
    <PopupApp />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);

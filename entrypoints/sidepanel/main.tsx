import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import '../../components/shared/styles.css';

// The side panel (Chrome) / sidebar (Firefox) is the popup's app, in a panel that stays open.
render(
  <ErrorBoundary>
    <PopupApp />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);

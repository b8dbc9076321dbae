import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/shared/styles.css';

// The side panel (Chrome) / sidebar (Firefox) is the popup's app, in a panel that stays open.
render(<PopupApp />, document.getElementById('app') as HTMLElement);

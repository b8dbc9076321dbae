import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/shared/styles.css';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);

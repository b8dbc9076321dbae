import { Component, type ComponentChildren } from 'preact';
import { t } from '../../utils/i18n';
import { send } from '../../utils/messaging';

interface Props {
  children: ComponentChildren;
}

interface State {
  error: unknown;
}

/**
 * Around a whole page (popup, side panel, options): a render error shows what happened and a way
 * out — forget the current job (the usual culprit: something stored that the page cannot show)
 * and reload — never a blank or half page. The message is rendered as text.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static override getDerivedStateFromError(error: unknown): State {
    return { error: error ?? 'unknown error' };
  }

  override componentDidCatch(error: unknown): void {
    this.setState({ error: error ?? 'unknown error' });
  }

  private clearAndReload = async () => {
    await send('clearJob', {}).catch(() => undefined);
    location.reload();
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return (
      <div class="crash notice notice-error" role="alert" data-testid="crash">
        <h1>{t('crash_title')}</h1>
        <p>{t('crash_text', what.slice(0, 300))}</p>
        <div class="row">
          <button type="button" class="primary" onClick={() => void this.clearAndReload()}>
            {t('crash_clear_reload')}
          </button>
          <button type="button" onClick={() => location.reload()}>
            {t('crash_reload')}
          </button>
        </div>
      </div>
    );
  }
}

import { t } from './strings';

export function KeyMissing({ onOpenOptions }: { onOpenOptions: () => void }) {
  return (
    <div class="notice notice-warn" role="alert" data-testid="key-missing">
      <strong>{t('keyTitle')}</strong>
      <p>{t('keyMessage')}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onOpenOptions}>
          {t('openSettings')}
        </button>
      </div>
    </div>
  );
}

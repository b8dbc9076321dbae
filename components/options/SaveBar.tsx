import { t } from '../../utils/i18n';
import type { SaveStatus } from './useSettingsForm';

const SAVE_WORDS = {
  idle: 'save_idle',
  pending: 'save_pending',
  saved: 'save_saved',
  failed: 'save_failed',
  'bad-url': 'save_bad_url',
  'bad-image-url': 'save_bad_image_url',
  'insecure-url': 'save_insecure_url',
} as const;

/** How saving goes: changes save themselves, and this line says so ("Saved."), in view at the bottom. */
export function SaveBar({ status }: { status: SaveStatus }) {
  const tone =
    status.save === 'failed' ||
    status.save === 'bad-url' ||
    status.save === 'bad-image-url' ||
    status.save === 'insecure-url' ||
    status.access?.state === 'refused'
      ? 'error'
      : 'info';
  const access =
    status.access &&
    (status.access.state === 'asking' ? t('save_access_asking', status.access.host) : t('save_access_refused', status.access.host));
  const words = status.note ?? t(SAVE_WORDS[status.save]);
  return (
    <div class="save-bar">
      <p class={`status status-${tone}`} role="status" data-testid="save-status" data-save={status.save}>
        {access ? `${words} ${access}` : words}
      </p>
    </div>
  );
}

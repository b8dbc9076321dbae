import { formatNumber } from '../../utils/i18n';
import { t } from './strings';

/** How far the backend is, as a percentage (only for backends that report it). */
export function ImageProgress({ progress }: { progress: number | undefined }) {
  if (progress === undefined) return null;
  const percent = Math.round(progress * 100);
  return (
    <p class="image-percent row" data-testid="image-percent">
      <progress value={percent} max={100} aria-label={t('drawingProgress')} /> <span>{formatNumber(progress, { style: 'percent' })}</span>
    </p>
  );
}

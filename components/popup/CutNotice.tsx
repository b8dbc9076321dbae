import type { Job } from '../../utils/job';
import { t } from './strings';

/** The answer ran past its length cap: the prompt was made from what arrived before the cut. */
export function CutNotice({ job }: { job: Job }) {
  if (!job.cut || job.status !== 'ready') return null;
  return (
    <p class="notice notice-info" role="status" data-testid="cut-notice">
      {t('cutNotice')}
    </p>
  );
}

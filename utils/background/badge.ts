// What the toolbar badge shows for a job: the state of the last job where the popup cannot be
// opened for the person. Pure.
import type { Job } from '../job';

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export function badgeFor(job: Job | null): BadgeState {
  switch (job?.status) {
    case 'capturing':
    case 'expanding':
      return { text: '…', color: '#4f46e5', title: 'Promptbrush — writing your prompt…' };
    case 'ready':
      return { text: '✓', color: '#15803d', title: 'Promptbrush — your prompt is ready' };
    case 'error':
      return job.error?.kind === 'cancelled'
        ? { text: '', color: '#4f46e5', title: 'Promptbrush' }
        : { text: '!', color: '#b91c1c', title: 'Promptbrush — the last job failed: open for details' };
    default:
      return { text: '', color: '#4f46e5', title: 'Promptbrush' };
  }
}

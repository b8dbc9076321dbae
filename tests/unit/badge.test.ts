import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../utils/background/badge';
import { failJob, finishExpanding, newJob } from '../../utils/job';

describe('badgeFor', () => {
  it('shows running, done and failed jobs', () => {
    const job = newJob('j', 'menu', 0);
    expect(badgeFor(null).text).toBe('');
    expect(badgeFor(job).text).toBe('…');
    expect(badgeFor(finishExpanding(job, 'p', 1)).text).toBe('✓');
    expect(badgeFor(failJob(job, { kind: 'offline' }, 1)).text).toBe('!');
    expect(badgeFor(failJob(job, { kind: 'cancelled' }, 1)).text).toBe('');
  });
});

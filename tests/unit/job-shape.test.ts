// Jobs that come from outside this run (an imported file, storage.session after an update) are
// rebuilt from whitelisted fields; a stored job that is not one is set aside, never rendered.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mutateJob } from '../../utils/background/job-store';
import type { Job } from '../../utils/job';
import { jobItem, jobShapeProblem, readJob, SET_ASIDE_JOB_ID } from '../../utils/job-item';
import { IMAGE_FIELDS, JOB_FIELDS, parseJob, SOURCE_FIELDS, TAB_FIELDS } from '../../utils/job-shape';

const FULL: Job = {
  id: 'full1',
  status: 'ready',
  trigger: 'menu',
  createdAt: 1,
  updatedAt: 2,
  tab: { tabId: 3, frameId: 0, selectionText: 'a fox', srcUrl: 'https://x.example/fox.png' },
  source: {
    text: 'a fox',
    originalLength: 5,
    shortened: false,
    title: 'T',
    url: 'https://x.example/',
    heading: 'H',
    before: 'b',
    after: 'a',
    contextNote: 'n',
    image: {
      via: 'fetch',
      width: 64,
      height: 48,
      mime: 'image/jpeg',
      bytes: 1200,
      originalWidth: 640,
      originalHeight: 480,
      thumbnail: '',
      srcUrl: 'https://x.example/fox.png',
      name: 'fox.png',
    },
  },
  model: 'm',
  prompt: 'A fox in snow',
  edited: true,
  error: { kind: 'stalled', detail: 'd', retryAfterSeconds: 3 },
  target: 'stable-diffusion',
  style: 'watercolor',
  aspectRatio: '16:9',
  variationCount: 3,
  negativePrompt: 'blurry',
  variations: ['A fox in snow', 'A fox at dusk'],
  variationNegatives: ['blurry', 'text'],
  waiting: { kind: 'rate-limited', attempt: 2, maxAttempts: 4, until: 99 },
  cut: true,
};

beforeEach(() => fakeBrowser.reset());

describe('parseJob', () => {
  it('keeps every field a job can have (the lists are exhaustive: the type checker asks for new ones)', () => {
    expect(Object.keys(FULL).sort()).toEqual(Object.keys(JOB_FIELDS).sort());
    expect(Object.keys(FULL.source ?? {}).sort()).toEqual(Object.keys(SOURCE_FIELDS).sort());
    expect(Object.keys(FULL.tab ?? {}).sort()).toEqual(Object.keys(TAB_FIELDS).sort());
    expect(Object.keys(FULL.source?.image ?? {}).sort()).toEqual(Object.keys(IMAGE_FIELDS).sort());
    expect(parseJob(FULL)).toEqual({ job: FULL });
  });

  it('rejects a wrong type with a reason and drops what it does not know', () => {
    expect(parseJob({ ...FULL, negativePrompt: 42 })).toEqual({ problem: 'negative prompt is not text' });
    expect(parseJob({ ...FULL, status: 'exploded' })).toEqual({ problem: 'unknown job status' });
    expect(parseJob(null)).toEqual({ problem: 'no job' });
    expect(parseJob({ ...FULL, extra: 'x' })).toEqual({ job: FULL });
  });
});

describe('the pages’ quick check', () => {
  it('passes every valid job and names what breaks the pages', () => {
    expect(jobShapeProblem(FULL)).toBeNull();
    expect(jobShapeProblem({ ...FULL, negativePrompt: 42 })).toBe('negativePrompt is not text');
    expect(jobShapeProblem({ ...FULL, target: 42 })).toBe('malformed craft choice');
    expect(jobShapeProblem({ ...FULL, source: 'x' })).toBe('malformed source');
    expect(jobShapeProblem('nonsense')).toBe('no job');
  });
});

describe('a malformed job in storage.session', () => {
  it('is set aside on read: the pages get a stand-in that says so, never the broken shape', async () => {
    await jobItem.setValue({ ...FULL, variations: 'ab' } as unknown as Job);
    expect(await readJob()).toMatchObject({
      id: SET_ASIDE_JOB_ID,
      status: 'error',
      prompt: '',
      error: { kind: 'damaged-job', detail: 'The current job: variations is not a list of texts.' },
    });
  });

  it('counts as no job for the background, and the next job replaces it', async () => {
    await jobItem.setValue({ id: 'x', prompt: 7 } as unknown as Job);
    let seen: Job | null | undefined;
    await mutateJob((job) => {
      seen = job;
      return FULL;
    });
    expect(seen).toBeNull();
    expect(await readJob()).toEqual(FULL);
  });
});

import { describe, expect, it } from 'vitest';
import {
  groupEntries,
  type HistoryEntry,
  type ImageRecord,
  isRecordable,
  planEviction,
  promptRecord,
  searchEntries,
  usageOf,
} from '../../utils/history';
import { failJob, finishExpanding, type Job, newJob, startExpanding } from '../../utils/job';

const source = { text: 'The storm came in at dusk over Hollow Point', originalLength: 43, shortened: false, title: 'The Keeper' };

function finished(id: string, prompt: string, extra: Partial<Job> = {}): Job {
  return { ...finishExpanding(startExpanding(newJob(id, 'menu', 1), source, 'fake-chat-mini', 2), prompt, 3), ...extra };
}

const image = (id: string, jobId: string, createdAt: number, size: number): ImageRecord => ({
  id,
  jobId,
  createdAt,
  mime: 'image/png',
  width: 1024,
  height: 1024,
  model: 'fake-image-2',
  byteLength: size,
  size,
});

const entry = (jobId: string, createdAt: number, size: number): HistoryEntry => ({ jobId, createdAt, images: [], size });

describe('what history keeps', () => {
  it('keeps finished prompts only, as whole snapshots', () => {
    expect(isRecordable(finished('a', 'A lighthouse'))).toBe(true);
    expect(isRecordable(newJob('b', 'menu', 0))).toBe(false);
    expect(isRecordable(startExpanding(newJob('c', 'menu', 0), source, 'm', 0))).toBe(false);
    expect(isRecordable(failJob(finished('d', 'half'), { kind: 'interrupted' }, 4))).toBe(false);
    expect(isRecordable(finished('e', '   '))).toBe(false);
    // Fields other helpers add to jobs (target, style, variations…) come along untouched.
    const job = finished('f', 'p', { target: 'midjourney', variations: ['one', 'two'] } as Partial<Job>);
    expect(promptRecord(job, 10).job).toEqual(job);
  });

  it('an update keeps the first time', () => {
    const first = promptRecord(finished('a', 'one'), 10);
    const again = promptRecord(finished('a', 'two'), 20, first);
    expect(again).toMatchObject({ createdAt: 10, updatedAt: 20, job: { prompt: 'two' } });
  });

  it('groups images under their prompt, newest entry first, images without a prompt on their own', () => {
    const prompts = [promptRecord(finished('old', 'old prompt'), 100), promptRecord(finished('new', 'new prompt'), 200)];
    const entries = groupEntries(prompts, [image('i2', 'old', 150, 1000), image('i1', 'old', 120, 500), image('i3', 'lone', 300, 10)]);
    expect(entries.map((e) => e.jobId)).toEqual(['lone', 'new', 'old']);
    expect(entries[2]?.images.map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(entries[2]?.size).toBe((prompts[0]?.size ?? 0) + 1500);
    expect(usageOf(entries)).toEqual({ entries: 3, prompts: 2, images: 3, bytes: entries.reduce((n, e) => n + e.size, 0) });
  });
});

describe('caps: oldest first', () => {
  const entries = [entry('e3', 3, 100), entry('e1', 1, 100), entry('e4', 4, 100), entry('e2', 2, 100)];

  it('drops nothing within both caps', () => {
    expect(planEviction(entries, { maxItems: 4, maxBytes: 400 })).toEqual([]);
  });

  it('drops the oldest entries beyond the count cap', () => {
    expect(planEviction(entries, { maxItems: 2, maxBytes: 10_000 })).toEqual(['e1', 'e2']);
  });

  it('drops the oldest entries until the bytes fit', () => {
    expect(planEviction([...entries, entry('big', 5, 250)], { maxItems: 100, maxBytes: 400 })).toEqual(['e1', 'e2', 'e3']);
  });

  it('never drops the entry just written', () => {
    expect(planEviction(entries, { maxItems: 1, maxBytes: 10_000 }, 'e1')).toEqual(['e2', 'e3', 'e4']);
    expect(planEviction([entry('huge', 1, 5000)], { maxItems: 10, maxBytes: 100 }, 'huge')).toEqual([]);
  });
});

describe('search', () => {
  const entries = groupEntries(
    [
      promptRecord(finished('a', 'A lighthouse keeper in the rain'), 1),
      promptRecord({ ...finished('b', 'A red fox in snow'), source: { ...source, text: 'fox text', title: 'Winter' } }, 2),
      promptRecord(finished('c', 'Neon city', { style: 'watercolor' } as Partial<Job>), 3),
    ],
    [image('i', 'b', 5, 1)],
  );
  const ids = (query: string) => searchEntries(entries, query).map((e) => e.jobId);

  it('finds words in the prompt, the selection, the page title, the model and new fields', () => {
    expect(ids('')).toEqual(['c', 'b', 'a']);
    expect(ids('LIGHTHOUSE')).toEqual(['a']);
    expect(ids('hollow point')).toEqual(['c', 'a']);
    expect(ids('winter fox')).toEqual(['b']);
    expect(ids('fake-image-2')).toEqual(['b']);
    expect(ids('watercolor')).toEqual(['c']);
    expect(ids('nothing-like-this')).toEqual([]);
  });

  it('does not match on internal fields', () => {
    expect(ids('ready')).toEqual([]);
    expect(ids('menu')).toEqual([]);
  });
});

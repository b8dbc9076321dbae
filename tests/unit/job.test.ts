import { describe, expect, it } from 'vitest';
import {
  appendDelta,
  attachSource,
  type CapturedSource,
  canRetry,
  editPrompt,
  failJob,
  finishExpanding,
  isRunning,
  markInterrupted,
  newJob,
  restoreJob,
  startExpanding,
  waitToRetry,
} from '../../utils/job';

const source: CapturedSource = { text: 'A fox.', originalLength: 6, shortened: false };

describe('job state machine', () => {
  it('goes capturing → expanding → ready, accumulating streamed text', () => {
    let job = newJob('j1', 'menu', 1);
    expect(job.status).toBe('capturing');
    expect(isRunning(job)).toBe(true);
    job = startExpanding(job, source, 'm', 2);
    job = appendDelta(job, 'A red ', 3);
    job = appendDelta(job, 'fox', 4);
    expect(job.prompt).toBe('A red fox');
    job = finishExpanding(job, 'A red fox', 5);
    expect(job).toMatchObject({ status: 'ready', prompt: 'A red fox', model: 'm', updatedAt: 5 });
    expect(isRunning(job)).toBe(false);
  });

  it('ignores deltas once the job is no longer expanding', () => {
    const ready = finishExpanding(startExpanding(newJob('j', 'menu', 0), source, 'm', 0), 'done', 0);
    expect(appendDelta(ready, 'late', 1)).toBe(ready);
  });

  it('keeps partial text when it fails', () => {
    const job = appendDelta(startExpanding(newJob('j', 'menu', 0), source, 'm', 0), 'partial', 1);
    const failed = failJob(job, { kind: 'offline' }, 2);
    expect(failed).toMatchObject({ status: 'error', prompt: 'partial', error: { kind: 'offline' } });
  });

  it('marks only running jobs as interrupted', () => {
    const running = appendDelta(startExpanding(newJob('j', 'menu', 0), source, 'm', 0), 'half', 1);
    expect(markInterrupted(running, 9)).toMatchObject({ status: 'error', prompt: 'half', error: { kind: 'interrupted' } });
    const ready = finishExpanding(running, 'whole', 2);
    expect(markInterrupted(ready, 9)).toBe(ready);
  });

  it('lets the person edit a finished prompt but not a streaming one', () => {
    const streaming = startExpanding(newJob('j', 'menu', 0), source, 'm', 0);
    expect(editPrompt(streaming, 'x', 1)).toBe(streaming);
    const edited = editPrompt(finishExpanding(streaming, 'orig', 1), 'mine', 2);
    expect(edited).toMatchObject({ prompt: 'mine', edited: true });
  });

  it('a retry clears the previous error and text', () => {
    const failed = failJob(appendDelta(startExpanding(newJob('j', 'menu', 0), source, 'm', 0), 'half', 1), { kind: 'server' }, 2);
    const again = startExpanding(failed, source, 'm', 3);
    expect(again).toMatchObject({ status: 'expanding', prompt: '' });
    expect(again.error).toBeUndefined();
  });

  it('keeps the captured source from the start, so a job interrupted before streaming can be retried', () => {
    const job = attachSource(newJob('j', 'menu', 0), source, 1);
    expect(job).toMatchObject({ status: 'capturing', source });
    expect(markInterrupted(job, 2)).toMatchObject({ status: 'error', source, error: { kind: 'interrupted' } });
  });

  it('a job reused from history is shown finished, with every field it had', () => {
    const saved = { ...finishExpanding(startExpanding(newJob('j', 'menu', 0), source, 'm', 0), 'p', 1), target: 'flux' as const };
    expect(restoreJob(saved, 9)).toEqual({ ...saved, updatedAt: 9, error: undefined });
    const halfWay = appendDelta(startExpanding(newJob('k', 'menu', 0), source, 'm', 0), 'half', 1);
    expect(restoreJob(halfWay, 9)).toMatchObject({ status: 'ready', prompt: 'half' });
  });

  it('shows a wait before a retry, drops the failed attempt’s text, and clears the wait when it retries', () => {
    const running = appendDelta(startExpanding(newJob('j', 'menu', 0), source, 'm', 0), 'half', 1);
    const wait = { kind: 'rate-limited' as const, attempt: 2, maxAttempts: 4, until: 5000 };
    const waiting = waitToRetry(running, wait, 2);
    expect(waiting).toMatchObject({ status: 'expanding', prompt: '', waiting: wait });
    expect(waitToRetry(waiting, null, 3).waiting).toBeUndefined();
    const ready = finishExpanding(running, 'p', 4);
    expect(waitToRetry(ready, wait, 5)).toBe(ready);
  });

  it('can be retried once its text is known, or when the tab it reads from is', () => {
    expect(canRetry(newJob('a', 'popup-text', 0))).toBe(false);
    expect(canRetry(newJob('b', 'menu', 0, { tabId: 3, frameId: 0 }))).toBe(true);
    expect(canRetry(attachSource(newJob('c', 'popup-text', 0), source, 1))).toBe(true);
  });
});

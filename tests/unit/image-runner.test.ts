// The runner's refusals before any request: they reach the popup as a failed run, never silently.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepAlive, startImageRun } from '../../utils/background/image-runner';
import { StreamWatch } from '../../utils/background/stream-watch';
import { readImageRun } from '../../utils/image-run-item';

beforeEach(() => {
  fakeBrowser.reset();
});

async function settled() {
  for (let i = 0; i < 50; i++) {
    const run = await readImageRun();
    if (run && run.status !== 'starting' && run.status !== 'generating') return run;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return readImageRun();
}

describe('startImageRun', () => {
  it('a prompt over the API limit fails at once with a message, keeping the prompt', async () => {
    const prompt = 'x'.repeat(32_001);
    const id = await startImageRun({ jobId: 'j1', prompt });
    const run = await settled();
    expect(run).toMatchObject({ id, jobId: 'j1', status: 'error', error: { kind: 'image-prompt-too-long' }, prompt, aspect: '1:1' });
  });

  it('without a key nothing is sent and the run says to add one', async () => {
    await startImageRun({ jobId: 'j1', prompt: 'A fox', aspect: '16:9', negativePrompt: ' text ' });
    const run = await settled();
    expect(run).toMatchObject({ status: 'error', error: { kind: 'missing-key' }, aspect: '16:9', negativePrompt: 'text' });
  });
});

describe('the keep-alive of a long image request', () => {
  it('calls the browser now and then, and stops with the request’s deadline', () => {
    vi.useFakeTimers();
    try {
      const ping = vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'linux', arch: 'x86-64' } as never);
      const controller = new AbortController();
      const watch = new StreamWatch({ totalMs: 60_000, idleMs: 60_000 }, controller.signal);
      keepAlive(watch.signal);
      vi.advanceTimersByTime(50_000);
      expect(ping).toHaveBeenCalledTimes(2);
      // The deadline (here: the run stopped) ends it: no call after, however long the worker lives.
      controller.abort();
      vi.advanceTimersByTime(10 * 60_000);
      expect(ping).toHaveBeenCalledTimes(2);
      watch.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

// The image runner under fakeBrowser with the real SDK and the fake server: the failures that
// are decided from what the endpoint lists, or from how the stream ended.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyImageError } from '../../utils/background/classify-image-error';
import { startImageRun } from '../../utils/background/image-runner';
import { StreamCutError } from '../../utils/background/model-client';
import { readImageRun } from '../../utils/image-run-item';
import { DEFAULT_MODELS, type FakeOpenAI } from '../fixtures/fake-openai';
import { useConfiguredBackground } from './background-fixture';

const fixture = useConfiguredBackground('sk-test-images-0123456789');
let server: FakeOpenAI;
beforeEach(() => {
  server = fixture();
});

describe('image runner', () => {
  it('says so when the endpoint lists no image model, and sends no image request', async () => {
    server.models = DEFAULT_MODELS.filter((m) => !m.id.includes('image'));
    await startImageRun({ jobId: 'j1', prompt: 'A fox in snow' });
    await vi.waitFor(async () => expect((await readImageRun())?.status).toBe('error'), { timeout: 5000 });
    expect(await readImageRun()).toMatchObject({ error: { kind: 'no-image-model' }, prompt: 'A fox in snow' });
    expect(server.requests.filter((r) => r.path === '/v1/images/generations')).toHaveLength(0);
  });

  it('names a connection cut mid-image as such', () => {
    const error = classifyImageError(new StreamCutError(new TypeError('terminated')), { partials: 1, nowSeconds: 0, secrets: [] });
    expect(error.kind).toBe('image-cut');
  });
});

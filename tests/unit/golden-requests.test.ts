// Golden tests: the exact chat request each target builds from a fixed selection, page context
// and settings. A change to a target's instructions shows up here as a diff to review; to accept
// it, rewrite the file with GOLDEN_UPDATE=1 npx vitest run tests/unit/golden-requests.test.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChatRequest, type PromptOptions } from '../../utils/background/chat-request';
import { DEFAULT_CRAFT_SETTINGS } from '../../utils/craft';
import type { CapturedSource } from '../../utils/job';
import { TARGETS, type TargetId } from '../../utils/targets';

const GOLDEN = join(import.meta.dirname, 'golden');

const SOURCE: CapturedSource = {
  text: 'The storm came in at dusk, rolling over the cliffs like a grey tide.\nOld Maren climbed the spiral stairs with her lantern, counting the steps as her father had.',
  originalLength: 160,
  shortened: false,
  title: 'The Keeper of Hollow Point',
  url: 'https://stories.example/hollow-point',
};

/** One fixed scenario per target, each exercising different options. */
const SCENARIOS: Record<TargetId, PromptOptions> = {
  'gpt-image': {
    choice: { target: 'gpt-image', style: 'watercolor', aspectRatio: '3:2', variationCount: 1 },
    settings: { ...DEFAULT_CRAFT_SETTINGS },
  },
  midjourney: {
    choice: { target: 'midjourney', style: 'cinematic', aspectRatio: '16:9', variationCount: 1 },
    settings: { ...DEFAULT_CRAFT_SETTINGS, midjourneyVersion: '7' },
  },
  'stable-diffusion': {
    choice: { target: 'stable-diffusion', style: 'anime', aspectRatio: '2:3', variationCount: 1 },
    settings: { ...DEFAULT_CRAFT_SETTINGS },
  },
  flux: {
    choice: { target: 'flux', style: 'photorealistic', aspectRatio: '9:16', variationCount: 1 },
    settings: { ...DEFAULT_CRAFT_SETTINGS, keepSourceLanguage: true, customInstructions: 'Keep the mood calm rather than dramatic.' },
  },
  generic: {
    choice: { target: 'generic', style: 'none', aspectRatio: '1:1', variationCount: 3 },
    settings: {
      ...DEFAULT_CRAFT_SETTINGS,
      templates: { generic: 'Turn this into an image: {{selection}}\n\nWhere it comes from:\n{{context}}' },
    },
  },
};

describe.each(TARGETS.map((target) => target.id))('golden request for %s', (id) => {
  it('matches the reviewed request exactly', () => {
    const request = buildChatRequest(SOURCE, 'gpt-test-mini', SCENARIOS[id]);
    const file = join(GOLDEN, `${id}.json`);
    if (process.env.GOLDEN_UPDATE === '1') writeFileSync(file, `${JSON.stringify(request, null, 2)}\n`);
    expect(existsSync(file), `${file} is missing: every target needs a golden request`).toBe(true);
    expect(request).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});

// Golden answers: chatty model answers — an opener or a closer on the same line as the prompt —
// and the exact prompt each target makes of them. Nothing chatty may reach what is copied. To
// accept a reviewed change, rewrite the file with GOLDEN_UPDATE=1 npx vitest run tests/unit/golden-answers.test.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { craftAnswer } from '../../utils/background/craft-answer';
import { DEFAULT_CRAFT_SETTINGS } from '../../utils/craft';
import type { CraftedAnswer } from '../../utils/job';
import { TARGETS, type TargetId } from '../../utils/targets';

const FILE = join(import.meta.dirname, 'golden', 'chatty-answers.json');

const SCENE =
  'A lone lighthouse stands on a storm-battered cliff at dusk, its beam slicing through low clouds, cold teal and amber palette, painterly illustration.';

/** Raw answers as chat models write them, the prompt always on the chatty line. */
const CHATTY = [
  `Sure! ${SCENE}`,
  `Certainly! ${SCENE}`,
  `Of course — ${SCENE}`,
  `Here you go: ${SCENE}`,
  `Here's your prompt: ${SCENE}`,
  `Sure! Here's your prompt: ${SCENE} Hope this helps!`,
  `Of course — here is a prompt for your generator: ${SCENE} Let me know if you'd like any changes.`,
  `Absolutely! ${SCENE} Enjoy!`,
  `${SCENE} Feel free to tweak the palette.`,
];

/** Words that open or close a chat answer and never belong to a prompt. */
const CHATTER = /^(sure|certainly|of course|here you go|here's|absolutely)\b|(hope this helps|let me know|feel free|enjoy!)/i;

function craftAll(): Record<TargetId, CraftedAnswer[]> {
  const out = {} as Record<TargetId, CraftedAnswer[]>;
  for (const { id } of TARGETS) {
    out[id] = CHATTY.map((raw) =>
      craftAnswer(raw, { target: id, style: 'none', aspectRatio: '1:1', variationCount: 1 }, DEFAULT_CRAFT_SETTINGS),
    );
  }
  return out;
}

describe('chatty openers and closers on the prompt’s own line', () => {
  const crafted = craftAll();
  if (process.env.GOLDEN_UPDATE) writeFileSync(FILE, `${JSON.stringify({ answers: CHATTY, prompts: crafted }, null, 2)}\n`);

  it.each(TARGETS.map((target) => target.id))('%s: the golden prompts', (id) => {
    expect(existsSync(FILE), `${FILE} is missing`).toBe(true);
    const golden = JSON.parse(readFileSync(FILE, 'utf8')) as { answers: string[]; prompts: Record<string, CraftedAnswer[]> };
    expect(golden.answers).toEqual(CHATTY);
    expect(crafted[id]).toEqual(golden.prompts[id]);
  });

  it.each(TARGETS.map((target) => target.id))('%s: no chatter survives, and the scene does', (id) => {
    for (const answer of crafted[id]) {
      expect(answer.prompt).not.toMatch(CHATTER);
      expect(answer.prompt).toContain('A lone lighthouse stands on a storm-battered cliff at dusk');
    }
  });
});

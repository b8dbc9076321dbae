// Every target has an example in docs/GUIDE.md's "Prompt craft" section, and each example is what
// its post-processor produces: cleaning it again changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAspectRatioId } from '../../utils/aspect-ratios';
import { craftAnswer } from '../../utils/background/craft-answer';
import { DEFAULT_CRAFT_SETTINGS } from '../../utils/craft';
import { TARGETS } from '../../utils/targets';

const GUIDE = readFileSync(join(import.meta.dirname, '../../docs/GUIDE.md'), 'utf8');
const SECTION = GUIDE.slice(GUIDE.indexOf('## Prompt craft'), GUIDE.indexOf('## Capture'));

function example(label: string): { aspect: string; text: string } | null {
  const escaped = label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`\\*\\*${escaped}\\*\\* \\((\\d+:\\d+)\\)\\n\\n\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(SECTION);
  return match ? { aspect: match[1] as string, text: match[2] as string } : null;
}

describe.each(TARGETS.map((target) => [target.label, target.id] as const))('README example for %s', (label, id) => {
  it('is there, and is a clean prompt its post-processor leaves unchanged', () => {
    const found = example(label);
    expect(found, `docs/GUIDE.md "Prompt craft" needs an example for ${label}`).not.toBeNull();
    const { aspect, text } = found as { aspect: string; text: string };
    expect(isAspectRatioId(aspect)).toBe(true);
    const choice = { target: id, style: 'none', aspectRatio: aspect, variationCount: 1 } as const;
    const crafted = craftAnswer(text, choice as Parameters<typeof craftAnswer>[1], DEFAULT_CRAFT_SETTINGS);
    const shown = crafted.negativePrompt === undefined ? crafted.prompt : `${crafted.prompt}\nNegative prompt: ${crafted.negativePrompt}`;
    expect(shown).toBe(text);
  });
});

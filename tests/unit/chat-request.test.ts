import { describe, expect, it } from 'vitest';
import { buildChatRequest, DEFAULT_PROMPT_OPTIONS, type PromptOptions } from '../../utils/background/chat-request';
import { GENERAL_INSTRUCTIONS, LANGUAGE_INSTRUCTIONS } from '../../utils/background/instructions';
import { DEFAULT_CRAFT_SETTINGS } from '../../utils/craft';
import type { CapturedSource } from '../../utils/job';

const SOURCE: CapturedSource = {
  text: 'A fox in snow.',
  originalLength: 14,
  shortened: false,
  title: 'Winter',
  url: 'https://example.com/story',
};

const options = (patch: Partial<PromptOptions['settings']> = {}, choice: Partial<PromptOptions['choice']> = {}): PromptOptions => ({
  choice: { ...DEFAULT_PROMPT_OPTIONS.choice, ...choice },
  settings: { ...DEFAULT_CRAFT_SETTINGS, ...patch },
});

const system = (o: PromptOptions) => buildChatRequest(SOURCE, 'm', o).messages[0]?.content ?? '';
const user = (o: PromptOptions, source = SOURCE) => buildChatRequest(source, 'm', o).messages[1]?.content ?? '';

describe('buildChatRequest', () => {
  it('sends the role and the default target (GPT Image) with the fenced selection and page details', () => {
    const request = buildChatRequest(SOURCE, 'model-x');
    expect(request.model).toBe('model-x');
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(request.messages[0]?.content.startsWith(GENERAL_INSTRUCTIONS)).toBe(true);
    expect(request.messages[0]?.content).toContain('Target: GPT Image');
    expect(request.messages[1]?.content).toBe(
      'Write a GPT Image / ChatGPT prompt for the image this text evokes.\n\nPage title: Winter\nPage address: https://example.com/story\n\nSelected text:\n"""\nA fox in snow.\n"""',
    );
  });

  it('leaves no blank lines where page details are missing', () => {
    expect(user(DEFAULT_PROMPT_OPTIONS, { text: 'Typed.', originalLength: 6, shortened: false })).toBe(
      'Write a GPT Image / ChatGPT prompt for the image this text evokes.\n\nSelected text:\n"""\nTyped.\n"""',
    );
  });

  it('appends the custom instructions to every request, last', () => {
    const content = system(options({ customInstructions: 'Always include a small red kite in the sky.' }, { target: 'flux' }));
    expect(content.endsWith('Always include a small red kite in the sky.')).toBe(true);
    expect(system(options())).not.toContain("person's own instructions");
  });

  it('asks for English by default and for the selection’s language when asked to keep it', () => {
    expect(system(options())).toContain(LANGUAGE_INSTRUCTIONS.english);
    expect(system(options({ keepSourceLanguage: true }))).toContain(LANGUAGE_INSTRUCTIONS.source);
    expect(system(options({ keepSourceLanguage: true }))).not.toContain(LANGUAGE_INSTRUCTIONS.english);
  });

  it('uses a valid per-target template override, and only for that target', () => {
    const templates = { midjourney: 'Focus on the weather in {{selection}} ({{context}})' };
    expect(user(options({ templates }, { target: 'midjourney' }))).toBe(
      'Focus on the weather in A fox in snow. (Page title: Winter\nPage address: https://example.com/story)',
    );
    expect(user(options({ templates }, { target: 'flux' }))).toContain('Write a Flux prompt');
  });

  it('falls back to the default template when an override is invalid', () => {
    const templates = { flux: 'No selection here, only {{contxt}}' };
    expect(user(options({ templates }, { target: 'flux' }))).toContain('Selected text:\n"""\nA fox in snow.\n"""');
  });

  it('asks for the number of takes with a separator when variations are requested', () => {
    const content = system(options({}, { variationCount: 4 }));
    expect(content).toContain('Write 4 distinct prompts');
    expect(content).toContain('a line containing only ---');
    expect(system(options())).not.toContain('distinct prompts');
  });

  it('renders style and aspect ratio in each target’s own syntax', () => {
    const choice = { style: 'pixel-art', aspectRatio: '16:9' } as const;
    expect(system(options({}, { ...choice, target: 'midjourney' }))).toContain('use --ar 16:9');
    expect(system(options({}, { ...choice, target: 'midjourney' }))).toContain('include the phrases pixel art, 16-bit');
    expect(system(options({}, { ...choice, target: 'stable-diffusion' }))).toContain(
      'include the tags pixel art, 16-bit, limited palette, sprite',
    );
    expect(system(options({}, { ...choice, target: 'stable-diffusion' }))).toContain('composition tags wide shot, widescreen');
    expect(system(options({}, { ...choice, target: 'gpt-image' }))).toContain('a wide 16:9 cinematic frame');
    expect(system(options({}, { ...choice, target: 'gpt-image' }))).not.toContain('--ar');
    expect(system(options({ midjourneyVersion: '' }, { target: 'midjourney' }))).not.toContain('--v');
  });
});

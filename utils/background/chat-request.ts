// Builds the chat request that turns a captured selection into an image prompt for the chosen
// target, style and aspect ratio, with the person's own instructions and template. Pure.
import { type AspectRatio, aspectRatio } from '../aspect-ratios';
import type { CraftChoice, CraftSettings } from '../craft';
import { DEFAULT_CRAFT_SETTINGS, defaultChoice } from '../craft';
import type { CapturedSource } from '../job';
import { surroundingLine } from '../source';
import { type StylePreset, stylePreset } from '../styles';
import { defaultTemplate, type PromptTarget, promptTarget, type TargetId } from '../targets';
import { isValidTemplate, renderTemplate } from '../templates';
import {
  answerOnlyInstruction,
  CUSTOM_INSTRUCTIONS_HEADING,
  GENERAL_INSTRUCTIONS,
  LANGUAGE_INSTRUCTIONS,
  variationsInstruction,
} from './instructions';
import { targetWriting } from './target-writing';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
}

/** Everything a request depends on besides the text: the choice and the craft settings. */
export interface PromptOptions {
  choice: CraftChoice;
  settings: Pick<CraftSettings, 'customInstructions' | 'templates' | 'keepSourceLanguage' | 'midjourneyVersion'>;
}

export const DEFAULT_PROMPT_OPTIONS: PromptOptions = { choice: defaultChoice(DEFAULT_CRAFT_SETTINGS), settings: DEFAULT_CRAFT_SETTINGS };

/** The page details that travel with the selection: `{{context}}` in templates. */
export function renderContext(source: CapturedSource): string {
  const parts: string[] = [];
  if (source.title) parts.push(`Page title: ${source.title}`);
  if (source.url) parts.push(`Page address: ${source.url}`);
  if (source.heading) parts.push(`Nearest heading: ${source.heading}`);
  // Context only: the selection itself is the subject.
  const around = surroundingLine(source);
  if (around) parts.push(`Text around the selection, for context only:\n"""\n${around}\n"""`);
  return parts.join('\n');
}

/** The template this target uses: the person's override when it is valid, else the default. */
export function templateFor(target: TargetId, templates: Partial<Record<TargetId, string>>): string {
  const override = templates[target];
  return override !== undefined && isValidTemplate(override) ? override : defaultTemplate(target);
}

/** The user message: the selection, clearly fenced off from the page's details. */
export function renderUserMessage(source: CapturedSource, options: PromptOptions = DEFAULT_PROMPT_OPTIONS): string {
  return renderTemplate(templateFor(options.choice.target, options.settings.templates), {
    selection: source.text,
    context: renderContext(source),
  });
}

function styleLine(target: PromptTarget, style: StylePreset): string | null {
  if (!style.words) return null;
  if (target.styleSyntax === 'tags') return `Style (${style.label}): include the tags ${style.tags}.`;
  if (target.styleSyntax === 'phrases') return `Style (${style.label}): include the phrases ${style.phrases}.`;
  return `Style (${style.label}): render it as ${style.words}, and say so in the prompt.`;
}

function aspectLines(target: PromptTarget, aspect: AspectRatio, midjourneyVersion: string): string[] {
  if (target.aspectSyntax === 'param') {
    return [`Aspect ratio: use --ar ${aspect.id}.`, ...(midjourneyVersion ? [`Version: add --v ${midjourneyVersion}.`] : [])];
  }
  if (target.aspectSyntax === 'tags') return [`Aspect ratio ${aspect.id}: include the composition tags ${aspect.tags}.`];
  return [`Aspect ratio ${aspect.id}: compose the image for ${aspect.words}, and say so in the prompt.`];
}

/** The system message: shared role, target rules, style, aspect, language, takes, extras. */
export function renderSystemMessage(options: PromptOptions = DEFAULT_PROMPT_OPTIONS): string {
  const { choice, settings } = options;
  const target = promptTarget(choice.target);
  const writing = targetWriting(choice.target);
  const lines = [
    GENERAL_INSTRUCTIONS,
    ...writing.instructions,
    styleLine(target, stylePreset(choice.style)),
    ...aspectLines(target, aspectRatio(choice.aspectRatio), settings.midjourneyVersion),
    settings.keepSourceLanguage ? LANGUAGE_INSTRUCTIONS.source : LANGUAGE_INSTRUCTIONS.english,
    choice.variationCount > 1 ? variationsInstruction(choice.variationCount) : null,
    answerOnlyInstruction(writing.answerShape, choice.variationCount),
  ];
  const custom = settings.customInstructions.trim();
  if (custom) lines.push(`\n${CUSTOM_INSTRUCTIONS_HEADING}\n${custom}`);
  return lines.filter((line): line is string => line !== null).join('\n');
}

export function buildChatRequest(source: CapturedSource, model: string, options: PromptOptions = DEFAULT_PROMPT_OPTIONS): ChatRequest {
  // No temperature or token limit: current reasoning models reject non-default values, and the
  // instructions already bound the length.
  return {
    model,
    messages: [
      { role: 'system', content: renderSystemMessage(options) },
      { role: 'user', content: renderUserMessage(source, options) },
    ],
  };
}

// Builds the chat request that turns a captured selection — or an image — into an image prompt for
// the chosen target, style and aspect ratio, with the person's own instructions and template. Pure.
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
  IMAGE_INSTRUCTIONS,
  IMAGE_USER_MESSAGE,
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
  /** An image source: the data URL of exactly the image sent, as an image part of the user message (wireMessages). */
  image?: string;
}

export type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };
export type WireMessage = { role: 'system'; content: string } | { role: 'user'; content: string | ContentPart[] };

/** The messages as sent: with an image, the user message becomes its text and the image. */
export function wireMessages(request: ChatRequest): WireMessage[] {
  return request.messages.map((message): WireMessage => {
    if (message.role === 'system' || !request.image) return { role: message.role, content: message.content } as WireMessage;
    return {
      role: 'user',
      content: [
        { type: 'text', text: message.content },
        { type: 'image_url', image_url: { url: request.image } },
      ],
    };
  });
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

/** The user message: the selection, clearly fenced off from the page's details (for an image: the request, then those details). */
export function renderUserMessage(source: CapturedSource, options: PromptOptions = DEFAULT_PROMPT_OPTIONS): string {
  if (source.image) return [IMAGE_USER_MESSAGE, renderContext(source)].filter(Boolean).join('\n');
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

/**
 * The system message: shared role (for text, or for an image), target rules, style, aspect,
 * language, takes, extras. An image has no language of its own: its prompt is written in English.
 */
export function renderSystemMessage(options: PromptOptions = DEFAULT_PROMPT_OPTIONS, source: 'text' | 'image' = 'text'): string {
  const { choice, settings } = options;
  const target = promptTarget(choice.target);
  const writing = targetWriting(choice.target);
  const image = source === 'image';
  const lines = [
    image ? IMAGE_INSTRUCTIONS : GENERAL_INSTRUCTIONS,
    ...writing.instructions,
    styleLine(target, stylePreset(choice.style)),
    ...aspectLines(target, aspectRatio(choice.aspectRatio), settings.midjourneyVersion),
    settings.keepSourceLanguage && !image ? LANGUAGE_INSTRUCTIONS.source : LANGUAGE_INSTRUCTIONS.english,
    choice.variationCount > 1 ? variationsInstruction(choice.variationCount, source) : null,
    answerOnlyInstruction(writing.answerShape, choice.variationCount),
  ];
  const custom = settings.customInstructions.trim();
  if (custom) lines.push(`\n${CUSTOM_INSTRUCTIONS_HEADING}\n${custom}`);
  return lines.filter((line): line is string => line !== null).join('\n');
}

/** `image`: for an image source, the data URL of the image sent (the source keeps only its facts). */
export function buildChatRequest(
  source: CapturedSource,
  model: string,
  options: PromptOptions = DEFAULT_PROMPT_OPTIONS,
  image?: string,
): ChatRequest {
  // No temperature or token limit: current reasoning models reject non-default values, and the
  // instructions already bound the length.
  return {
    model,
    messages: [
      { role: 'system', content: renderSystemMessage(options, image ? 'image' : 'text') },
      { role: 'user', content: renderUserMessage(source, options) },
    ],
    ...(image ? { image } : {}),
  };
}

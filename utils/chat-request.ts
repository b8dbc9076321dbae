// Builds the chat request that turns a captured selection into an image prompt. Pure.
import { GENERAL_INSTRUCTIONS } from './instructions';
import type { CapturedSource } from './job';
import { surroundingLine } from './source';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
}

/** The user message: the selection, clearly fenced off from the page's metadata. */
export function renderUserMessage(source: CapturedSource): string {
  const parts: string[] = [];
  if (source.title) parts.push(`Page title: ${source.title}`);
  if (source.url) parts.push(`Page address: ${source.url}`);
  if (source.heading) parts.push(`Nearest heading: ${source.heading}`);
  // Context only: the selection itself is the subject.
  const around = surroundingLine(source);
  if (around) parts.push(`Text around the selection, for context only:\n"""\n${around}\n"""`);
  parts.push(`Selected text:\n"""\n${source.text}\n"""`);
  return parts.join('\n');
}

export function buildChatRequest(source: CapturedSource, model: string): ChatRequest {
  // No temperature or token limit: current reasoning models reject non-default values, and the
  // instructions already bound the length.
  return {
    model,
    messages: [
      { role: 'system', content: GENERAL_INSTRUCTIONS },
      { role: 'user', content: renderUserMessage(source) },
    ],
  };
}

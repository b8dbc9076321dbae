// How long an answer may be: a token limit sent with the request, and a hard character cap on
// the stream, both suited to the target and the number of takes. Pure.
import type { CraftChoice } from '../craft';
import { promptTarget } from '../targets';

export interface AnswerBounds {
  /** The stream is cut here: a few times what the target keeps, per take. */
  maxChars: number;
  /** Sent as the request's token limit (reasoning models count their thinking in it too). */
  maxTokens: number;
}

/** How many times the target's own length limit an answer may reach before it is cut. */
export const CAP_FACTOR = 4;
/** Room for a reasoning model's thinking, which counts towards its completion tokens. */
const REASONING_TOKENS = 4000;

export function answerBounds(choice: Pick<CraftChoice, 'target' | 'variationCount'>): AnswerBounds {
  const target = promptTarget(choice.target);
  const perTake = target.maxChars + (target.negativePrompt?.maxChars ?? 0);
  const takes = Math.max(1, choice.variationCount);
  // About four characters a token in English, fewer in other scripts: one token for two characters.
  return { maxChars: CAP_FACTOR * perTake * takes, maxTokens: Math.ceil((perTake * takes) / 2) + REASONING_TOKENS };
}

/**
 * The request field that carries the token limit. Newer servers take `max_completion_tokens`
 * (OpenAI's reasoning models refuse `max_tokens`); older OpenAI-compatible ones refuse it and
 * take `max_tokens`; a server that refuses both gets no limit (the character cap still holds).
 */
export type TokenParam = 'max_completion_tokens' | 'max_tokens' | 'none';

export const TOKEN_PARAMS: readonly TokenParam[] = ['max_completion_tokens', 'max_tokens', 'none'];

export function isTokenParam(value: unknown): value is TokenParam {
  return typeof value === 'string' && (TOKEN_PARAMS as readonly string[]).includes(value);
}

/** The body fields that carry the limit with this parameter. */
export function tokenLimitFields(param: TokenParam, maxTokens: number): { max_completion_tokens?: number; max_tokens?: number } {
  return param === 'none' ? {} : { [param]: maxTokens };
}

/**
 * After a failed request sent with `param`: the parameter to use instead when the server refused
 * this very one (a 400 that names it), else null (the failure has another cause).
 */
export function tokenParamAfter(error: unknown, param: TokenParam): TokenParam | null {
  if (param === 'none') return null;
  const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown };
  if (status !== 400 && status !== 422) return null;
  if (typeof message !== 'string' || !message.includes(param)) return null;
  return TOKEN_PARAMS[TOKEN_PARAMS.indexOf(param) + 1] ?? null;
}

// Failures, in the words of the error table (utils/error-kinds.ts). Pure.
//   JobError           the plain row: what jobs and image runs keep in storage.session and what a
//                      message reply carries (JSON-safe, no class);
//   PromptbrushError   what code throws: one Error subclass carrying such a row;
//   errorRow(e, …)     what a catch makes of anything thrown.
import type { ErrorKind } from './error-kinds';

export interface JobError {
  kind: ErrorKind;
  /** Extra words from the provider, scrubbed of secrets. */
  detail?: string;
  retryAfterSeconds?: number;
}

/** A failure the person is told about: a row of the error table, thrown. */
export class PromptbrushError extends Error {
  override readonly name = 'PromptbrushError';
  readonly kind: ErrorKind;
  readonly detail: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: ErrorKind, detail?: string, options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(detail ?? kind, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.kind = kind;
    this.detail = detail;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Throws a row that was classified, stored or received in a reply. */
  static of(row: JobError): PromptbrushError {
    return new PromptbrushError(row.kind, row.detail, { retryAfterSeconds: row.retryAfterSeconds });
  }

  /** The plain row (no undefined fields), as stored and sent. */
  toJobError(): JobError {
    return {
      kind: this.kind,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

/** What anything thrown means: a PromptbrushError its own row, everything else what `classify` says. */
export function errorRow(error: unknown, classify: (error: unknown) => JobError): JobError {
  return error instanceof PromptbrushError ? error.toJobError() : classify(error);
}

/** For callers with no classifier of their own (pages): the error's message as the detail of `unknown`. */
export function unknownError(error: unknown): JobError {
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', ...(detail ? { detail } : {}) };
}

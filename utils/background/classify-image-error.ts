// Names what went wrong with an image generation, in the words of the error table: the chat
// classifier's answer, refined for the image step (who refused, which model is gone). Background
// only (it reaches the SDK's error classes through classify-error).

import { errorRow, type JobError } from '../errors';
import { retiredModel } from '../image-models';
import type { ModelInfo } from '../models';
import { classifyError } from './classify-error';

export interface ImageErrorContext {
  model?: string;
  /** The endpoint's model list, when it was read for this run. */
  models?: ModelInfo[];
  /** Partial images that had arrived before the failure. */
  partials: number;
  nowSeconds: number;
  secrets: readonly string[];
}

/** The error for a model the endpoint lists as shut down. */
export function retiredError(model: ModelInfo): JobError {
  const date = model.shutdownDate ? ` on ${new Date(model.shutdownDate * 1000).toISOString().slice(0, 10)}` : '';
  return { kind: 'model-retired', detail: `${model.id} was shut down${date}.` };
}

export function classifyImageError(error: unknown, context: ImageErrorContext): JobError {
  return errorRow(error, (other) => refineForImages(classifyError(other, context.secrets), context));
}

function refineForImages(classified: JobError, context: ImageErrorContext): JobError {
  switch (classified.kind) {
    case 'refused':
      return { ...classified, kind: context.partials > 0 ? 'image-refused-output' : 'image-refused' };
    case 'stream-cut':
      return { ...classified, kind: 'image-cut' };
    case 'model-not-found': {
      const gone = context.model ? retiredModel(context.models, context.model, context.nowSeconds) : undefined;
      return gone ? retiredError(gone) : classified;
    }
    default:
      return classified;
  }
}

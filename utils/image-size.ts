// The image sizes a model accepts for each aspect ratio (the ratios themselves are the table in
// utils/aspect-ratios.ts, shared with the prompt craft). Pure.
import { ASPECT_RATIOS, type AspectRatioId, DEFAULT_ASPECT_RATIO, isAspectRatioId } from './aspect-ratios';

export const IMAGE_ASPECTS: readonly AspectRatioId[] = ASPECT_RATIOS.map((row) => row.id);
export type ImageAspect = AspectRatioId;
export const DEFAULT_ASPECT: ImageAspect = DEFAULT_ASPECT_RATIO;
export const isImageAspect = isAspectRatioId;

/** Width divided by height. */
export function aspectValue(aspect: ImageAspect): number {
  const [w, h] = aspect.split(':').map(Number) as [number, number];
  return w / h;
}

export interface SizeChoice {
  /** What the API is sent, e.g. "1536x1024". */
  size: string;
  width: number;
  height: number;
  /** False when the model has no size of exactly this shape and the closest one was taken. */
  exact: boolean;
}

/** Sizes a model accepts: a fixed list, or any multiple of 16 within limits (gpt-image-2 family). */
export type SizeRule = { kind: 'list'; sizes: readonly string[] } | { kind: 'flexible'; longEdge: number; multiple: number };

export function parseSize(size: string | undefined): { width: number; height: number } | null {
  const match = /^(\d{2,5})x(\d{2,5})$/.exec(size ?? '');
  if (!match) return null;
  return { width: Number(match[1]), height: Number(match[2]) };
}

const EXACT_TOLERANCE = 0.01;

function closestFromList(ratio: number, sizes: readonly string[]): SizeChoice {
  let best: SizeChoice | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const size of sizes) {
    const parsed = parseSize(size);
    if (!parsed) continue;
    const distance = Math.abs(Math.log(parsed.width / parsed.height / ratio));
    // Ties go to the larger image.
    if (
      distance < bestDistance - 1e-9 ||
      (best && Math.abs(distance - bestDistance) < 1e-9 && parsed.width * parsed.height > best.width * best.height)
    ) {
      bestDistance = distance;
      best = { size, ...parsed, exact: distance < EXACT_TOLERANCE };
    }
  }
  if (!best) throw new Error('A size list must hold at least one WIDTHxHEIGHT size.');
  return best;
}

/** The long edge is fixed; the short edge is the nearest multiple of `multiple`. Square images are long/1.5 a side. */
function flexible(ratio: number, longEdge: number, multiple: number): SizeChoice {
  const round = (value: number) => Math.max(multiple, Math.round(value / multiple) * multiple);
  let width: number;
  let height: number;
  if (Math.abs(ratio - 1) < 1e-9) {
    width = height = round(longEdge / 1.5);
  } else if (ratio > 1) {
    width = longEdge;
    height = round(longEdge / ratio);
  } else {
    height = longEdge;
    width = round(longEdge * ratio);
  }
  return { size: `${width}x${height}`, width, height, exact: Math.abs(Math.log(width / height / ratio)) < EXACT_TOLERANCE };
}

export function sizeFor(aspect: ImageAspect, rule: SizeRule): SizeChoice {
  const ratio = aspectValue(aspect);
  return rule.kind === 'list' ? closestFromList(ratio, rule.sizes) : flexible(ratio, rule.longEdge, rule.multiple);
}

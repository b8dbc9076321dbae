// Aspect ratios, as data: one row each, rendered into every target's own syntax (an `--ar`
// parameter for Midjourney, words for prose targets, composition tags for Stable Diffusion).
// The images helper reads `width`/`height`/`orientation` to choose an Images API size. Pure.

export interface AspectRatio {
  /** The id stored in settings and on jobs, and the value of Midjourney's `--ar`: "W:H". */
  id: string;
  width: number;
  height: number;
  orientation: 'square' | 'landscape' | 'portrait';
  /** Shown in pickers. */
  label: string;
  /** Prose targets (GPT Image, Flux, Generic): how the frame is described in words. */
  words: string;
  /** Stable Diffusion: composition tags (the pixel size itself is set in the front-end). */
  tags: string;
}

export const ASPECT_RATIOS = [
  {
    id: '1:1',
    width: 1,
    height: 1,
    orientation: 'square',
    label: '1:1 square',
    words: 'a square 1:1 frame with a centred, balanced composition',
    tags: 'square composition',
  },
  {
    id: '3:2',
    width: 3,
    height: 2,
    orientation: 'landscape',
    label: '3:2 landscape',
    words: 'a 3:2 landscape frame, like a classic photograph',
    tags: 'landscape orientation, horizontal composition',
  },
  {
    id: '2:3',
    width: 2,
    height: 3,
    orientation: 'portrait',
    label: '2:3 portrait',
    words: 'a 2:3 portrait frame, taller than it is wide',
    tags: 'portrait orientation, vertical composition',
  },
  {
    id: '4:5',
    width: 4,
    height: 5,
    orientation: 'portrait',
    label: '4:5 portrait',
    words: 'a slightly tall 4:5 portrait frame',
    tags: 'portrait orientation, vertical composition',
  },
  {
    id: '16:9',
    width: 16,
    height: 9,
    orientation: 'landscape',
    label: '16:9 widescreen',
    words: 'a wide 16:9 cinematic frame with room on both sides of the subject',
    tags: 'wide shot, widescreen, horizontal composition',
  },
  {
    id: '9:16',
    width: 9,
    height: 16,
    orientation: 'portrait',
    label: '9:16 tall',
    words: 'a tall 9:16 vertical frame, like a phone screen',
    tags: 'vertical composition, tall frame, full body',
  },
] as const satisfies readonly AspectRatio[];

export type AspectRatioId = (typeof ASPECT_RATIOS)[number]['id'];

export const DEFAULT_ASPECT_RATIO: AspectRatioId = '1:1';

export function isAspectRatioId(value: unknown): value is AspectRatioId {
  return typeof value === 'string' && ASPECT_RATIOS.some((row) => row.id === value);
}

export function aspectRatio(id: AspectRatioId): AspectRatio {
  return ASPECT_RATIOS.find((row) => row.id === id) ?? ASPECT_RATIOS[0];
}

/** The supported ratio closest to an image's own (compared as logarithms, so 2:1 and 1:2 are as far from 1:1). */
export function nearestAspectRatio(width: number, height: number): AspectRatioId {
  if (!(width > 0 && height > 0)) return DEFAULT_ASPECT_RATIO;
  const distance = (row: AspectRatio) => Math.abs(Math.log(width / height) - Math.log(row.width / row.height));
  return ASPECT_RATIOS.reduce((best, row) => (distance(row) < distance(best) ? row : best)).id;
}

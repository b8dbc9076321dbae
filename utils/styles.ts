// Style presets, as data: one row each, rendered into every target's own syntax (words for
// prose targets, short phrases for Midjourney, tags for Stable Diffusion). Pure.

export interface StylePreset {
  id: string;
  label: string;
  /** Prose targets (GPT Image, Flux, Generic). Empty for "none". */
  words: string;
  /** Midjourney: short descriptive phrases. */
  phrases: string;
  /** Stable Diffusion: comma-separated tags (the post-processor makes sure they are present). */
  tags: string;
}

export const STYLE_PRESETS = [
  { id: 'none', label: 'No style (the model chooses)', words: '', phrases: '', tags: '' },
  {
    id: 'photorealistic',
    label: 'Photorealistic',
    words: 'a photorealistic photograph with natural light, true-to-life textures and shallow depth of field',
    phrases: 'photorealistic photograph, natural light, 50mm lens, shallow depth of field',
    tags: 'photorealistic, raw photo, natural lighting, sharp focus',
  },
  {
    id: 'cinematic',
    label: 'Cinematic',
    words: 'a cinematic film still with dramatic lighting, anamorphic framing and rich colour grading',
    phrases: 'cinematic film still, dramatic lighting, anamorphic lens, color graded',
    tags: 'cinematic, film still, dramatic lighting, color grading',
  },
  {
    id: 'illustration',
    label: 'Illustration',
    words: 'a polished digital illustration with clean shapes and a clear, readable composition',
    phrases: 'digital illustration, clean shapes, editorial illustration',
    tags: 'digital illustration, clean lines, vibrant colors',
  },
  {
    id: 'watercolor',
    label: 'Watercolour',
    words: 'a loose watercolour painting with soft washes, visible paper texture and gentle bleeding edges',
    phrases: 'watercolor painting, soft washes, paper texture, bleeding edges',
    tags: 'watercolor, traditional media, soft washes, paper texture',
  },
  {
    id: 'oil-painting',
    label: 'Oil painting',
    words: 'an oil painting on canvas with rich impasto brushstrokes and deep, luminous colour',
    phrases: 'oil painting on canvas, impasto brushstrokes, luminous color',
    tags: 'oil painting, impasto, visible brushstrokes, canvas texture',
  },
  {
    id: 'anime',
    label: 'Anime',
    words: 'an anime-style illustration with crisp line work, cel shading and expressive characters',
    phrases: 'anime style, cel shading, crisp line art, key visual',
    tags: 'anime style, cel shading, lineart, key visual',
  },
  {
    id: '3d-render',
    label: '3D render',
    words: 'a detailed 3D render with soft global illumination, physically based materials and subtle ambient occlusion',
    phrases: '3D render, octane render, global illumination, PBR materials',
    tags: '3d render, octane render, global illumination, subsurface scattering',
  },
  {
    id: 'pixel-art',
    label: 'Pixel art',
    words: 'retro pixel art with a limited palette, crisp square pixels and no anti-aliasing',
    phrases: 'pixel art, 16-bit, limited palette, crisp pixels',
    tags: 'pixel art, 16-bit, limited palette, sprite',
  },
  {
    id: 'line-art',
    label: 'Line art',
    words: 'clean black ink line art on a white background, with confident contours and no shading',
    phrases: 'black ink line art, clean contours, white background, minimal',
    tags: 'lineart, monochrome, ink drawing, white background',
  },
  {
    id: 'isometric',
    label: 'Isometric',
    words: 'an isometric diorama seen from a 30-degree angle, with tidy geometry and a miniature feel',
    phrases: 'isometric view, diorama, miniature, clean geometry',
    tags: 'isometric, diorama, miniature, clean geometry',
  },
  {
    id: 'comic',
    label: 'Comic book',
    words: 'a comic-book panel with bold inks, halftone shading and punchy flat colours',
    phrases: 'comic book art, bold inks, halftone shading, flat colors',
    tags: 'comic book style, bold outlines, halftone, flat colors',
  },
  {
    id: 'vintage-poster',
    label: 'Vintage poster',
    words: 'a vintage travel poster with flat screen-printed colours, strong silhouettes and a slightly worn paper finish',
    phrases: 'vintage travel poster, screen print, flat colors, strong silhouettes',
    tags: 'vintage poster, screen print, flat colors, retro',
  },
] as const satisfies readonly StylePreset[];

export type StyleId = (typeof STYLE_PRESETS)[number]['id'];

export const DEFAULT_STYLE: StyleId = 'none';

export function isStyleId(value: unknown): value is StyleId {
  return typeof value === 'string' && STYLE_PRESETS.some((row) => row.id === value);
}

export function stylePreset(id: StyleId): StylePreset {
  return STYLE_PRESETS.find((row) => row.id === id) ?? STYLE_PRESETS[0];
}

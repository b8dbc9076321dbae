// Images as a source, the pure parts: how big what is sent may be, where an image lies in a
// screenshot, what a page may hand back, the nearest aspect ratio, the menu, the request, the
// errors that mean "this model cannot read images", and what history keeps and takes back.
import { describe, expect, it } from 'vitest';
import { nearestAspectRatio } from '../../utils/aspect-ratios';
import { buildChatRequest, renderSystemMessage, wireMessages } from '../../utils/background/chat-request';
import { refineImageError } from '../../utils/background/endpoint-errors';
import { IMAGE_INSTRUCTIONS, IMAGE_USER_MESSAGE, LANGUAGE_INSTRUCTIONS } from '../../utils/background/instructions';
import { imageRequestKey } from '../../utils/background/job-dedupe';
import { IMAGE_MENU_ROOT_ID, MENU_ROOT_ID, menuClickToCapture, menuItems, targetMenuId } from '../../utils/background/menus';
import { DEFAULT_CRAFT_SETTINGS, defaultChoice } from '../../utils/craft';
import { jobText, promptRecord } from '../../utils/history';
import { EXPORT_FORMAT, isThumbnail, parseImport, toBase64 } from '../../utils/history-file';
import {
  cropInShot,
  fitWithin,
  MAX_THUMB_CHARS,
  parsePageImage,
  type SourceImage,
  shownSrcUrl,
  splitDataUrl,
} from '../../utils/image-source';
import { type CapturedSource, finishExpanding, newJob, startExpanding } from '../../utils/job';
import { modelChoice } from '../../utils/model-choice';
import { readsImages } from '../../utils/models';
import { VALIDATORS } from '../../utils/protocol';
import { DEFAULT_SETTINGS, validateSettings } from '../../utils/settings';
import { TARGETS } from '../../utils/targets';

describe('bounds and geometry', () => {
  it('fits within the long side, never enlarging', () => {
    expect(fitWithin(4000, 3000, 1024)).toEqual({ width: 1024, height: 768 });
    expect(fitWithin(300, 4000, 1024)).toEqual({ width: 77, height: 1024 });
    expect(fitWithin(640, 480, 1024)).toEqual({ width: 640, height: 480 });
    expect(fitWithin(5000, 1, 1024)).toEqual({ width: 1024, height: 1 });
  });

  it('crops the visible part of a box, in screenshot pixels (device pixel ratio 2)', () => {
    const viewport = { width: 800, height: 600 };
    const shot = { width: 1600, height: 1200 };
    expect(cropInShot({ x: 16, y: 56, width: 480, height: 320 }, viewport, shot)).toEqual({ x: 32, y: 112, width: 960, height: 640 });
    // Partly scrolled out at the top and the right: only what is on screen.
    expect(cropInShot({ x: 700, y: -100, width: 300, height: 300 }, viewport, shot)).toEqual({ x: 1400, y: 0, width: 200, height: 400 });
    // Entirely off screen, or an empty viewport: nothing.
    expect(cropInShot({ x: 0, y: 700, width: 100, height: 100 }, viewport, shot)).toBeNull();
    expect(cropInShot({ x: 0, y: 0, width: 100, height: 100 }, { width: 0, height: 0 }, shot)).toBeNull();
  });

  it('picks the supported aspect ratio nearest to the image', () => {
    expect(nearestAspectRatio(640, 480)).toBe('3:2');
    expect(nearestAspectRatio(1920, 1080)).toBe('16:9');
    expect(nearestAspectRatio(1080, 1920)).toBe('9:16');
    expect(nearestAspectRatio(800, 1000)).toBe('4:5');
    expect(nearestAspectRatio(500, 510)).toBe('1:1');
    expect(nearestAspectRatio(0, 10)).toBe('1:1');
  });
});

describe("what the page's image script returns", () => {
  it('keeps what is well formed and drops what is not', () => {
    const viewport = { width: 800, height: 600 };
    expect(
      parsePageImage({ viewport, dataUrl: 'data:image/png;base64,AAAA', title: 'T', box: { x: 1, y: 2, width: 3, height: 4 } }),
    ).toEqual({ dataUrl: 'data:image/png;base64,AAAA', viewport, title: 'T', box: { x: 1, y: 2, width: 3, height: 4 } });
    expect(parsePageImage({ viewport, dataUrl: 'javascript:alert(1)', problem: 'evil', box: { x: 'a' }, title: 7 })).toEqual({
      viewport,
      title: '',
    });
    expect(parsePageImage({ viewport, problem: 'broken' })).toMatchObject({ problem: 'broken' });
    expect(parsePageImage({ dataUrl: 'data:image/png;base64,AAAA' })).toBeNull();
    expect(parsePageImage('nonsense')).toBeNull();
  });

  it('splits data URLs and keeps only http(s) addresses', () => {
    expect(splitDataUrl('data:image/JPEG;base64,/9j/')).toEqual({ mime: 'image/jpeg', base64: '/9j/' });
    expect(splitDataUrl('data:image/svg+xml;charset=utf-8;base64,PHN2')).toEqual({ mime: 'image/svg+xml', base64: 'PHN2' });
    expect(splitDataUrl('data:image/png,raw')).toBeNull();
    expect(shownSrcUrl('https://example.com/a.png')).toBe('https://example.com/a.png');
    expect(shownSrcUrl('data:image/png;base64,AAAA')).toBeUndefined();
    expect(shownSrcUrl('blob:https://example.com/1234')).toBeUndefined();
  });
});

describe('the context menu on images', () => {
  it('adds "Image prompt from this image" with the same children, only when images are on', () => {
    expect(menuItems('flux').every((item) => item.contexts[0] === 'selection')).toBe(true);
    const items = menuItems('flux', { images: true });
    const image = items.filter((item) => item.contexts[0] === 'image');
    expect(image[0]).toEqual({ id: IMAGE_MENU_ROOT_ID, title: 'Image prompt from this image', contexts: ['image'] });
    expect(image.slice(1).map((item) => item.id)).toEqual(
      items.filter((item) => item.parentId === MENU_ROOT_ID).map((item) => item.id.replace(MENU_ROOT_ID, IMAGE_MENU_ROOT_ID)),
    );
    expect(image).toHaveLength(TARGETS.length + 1);
    expect(image[1]?.title).toMatch(/\(default\)$/);
  });

  it('a click on an image item reads that image (never the link around it)', () => {
    const info = { mediaType: 'image', srcUrl: 'https://example.com/a.png', selectionText: 'x', frameId: 3 };
    expect(menuClickToCapture({ ...info, menuItemId: targetMenuId('flux', IMAGE_MENU_ROOT_ID) }, { id: 7 })).toEqual({
      tabId: 7,
      frameId: 3,
      srcUrl: 'https://example.com/a.png',
      choice: { target: 'flux' },
      trigger: 'menu',
    });
    expect(menuClickToCapture({ menuItemId: IMAGE_MENU_ROOT_ID, srcUrl: 'data:image/png;base64,AA' }, { id: 7 })).toEqual({
      tabId: 7,
      srcUrl: 'data:image/png;base64,AA',
      trigger: 'menu',
    });
    expect(menuClickToCapture({ menuItemId: IMAGE_MENU_ROOT_ID }, { id: 7 })).toBeNull();
    expect(menuClickToCapture({ menuItemId: `${IMAGE_MENU_ROOT_ID}/target/nope`, srcUrl: 'x' }, { id: 7 })).toBeNull();
  });

  it('tells a double click on the same image from another image or another paste', () => {
    const a = imageRequestKey({ tabId: 1, srcUrl: 'https://x/a.png' });
    expect(imageRequestKey({ tabId: 1, frameId: 0, srcUrl: 'https://x/a.png' })).toBe(a);
    expect(imageRequestKey({ tabId: 1, srcUrl: 'https://x/b.png' })).not.toBe(a);
    expect(imageRequestKey({ dataUrl: 'data:image/png;base64,AAAA' })).not.toBe(imageRequestKey({ dataUrl: 'data:image/png;base64,AAAB' }));
  });
});

const IMAGE_SOURCE: CapturedSource = {
  text: '',
  originalLength: 0,
  shortened: false,
  title: 'Harbour gallery',
  url: 'https://example.com/g',
};
const DATA_URL = 'data:image/jpeg;base64,/9j/4AAQ';
const SENT: SourceImage = {
  via: 'fetch',
  width: 64,
  height: 48,
  mime: 'image/jpeg',
  bytes: 12,
  originalWidth: 64,
  originalHeight: 48,
  thumbnail: '',
};
const WITH_IMAGE: CapturedSource = { ...IMAGE_SOURCE, image: SENT };

describe('the request for an image', () => {
  const options = {
    choice: defaultChoice(DEFAULT_CRAFT_SETTINGS, { target: 'stable-diffusion' }),
    settings: { ...DEFAULT_CRAFT_SETTINGS, keepSourceLanguage: true },
  };

  it('asks the model to study the image, then write in the target syntax, in English', () => {
    const request = buildChatRequest(WITH_IMAGE, 'vision-model', options, DATA_URL);
    const system = request.messages[0]?.content ?? '';
    expect(system.startsWith(IMAGE_INSTRUCTIONS)).toBe(true);
    for (const word of ['subject', 'composition', 'lighting', 'palette', 'medium', 'style']) expect(system).toContain(word);
    expect(system).toContain('Target: Stable Diffusion');
    expect(system).toContain(LANGUAGE_INSTRUCTIONS.english);
    expect(request.messages[1]?.content).toBe(`${IMAGE_USER_MESSAGE}\nPage title: Harbour gallery\nPage address: https://example.com/g`);
    expect(renderSystemMessage({ ...options, choice: { ...options.choice, variationCount: 3 } }, 'image')).toContain('takes on the image');
  });

  it('sends the image as an image content part of the user message; text requests stay plain strings', () => {
    const wire = wireMessages(buildChatRequest(WITH_IMAGE, 'm', options, DATA_URL));
    expect(wire[0]).toMatchObject({ role: 'system' });
    expect(typeof wire[0]?.content).toBe('string');
    expect(wire[1]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: `${IMAGE_USER_MESSAGE}\nPage title: Harbour gallery\nPage address: https://example.com/g` },
        { type: 'image_url', image_url: { url: DATA_URL } },
      ],
    });
    const text = buildChatRequest({ text: 'A fox', originalLength: 5, shortened: false }, 'm');
    expect(text.image).toBeUndefined();
    expect(wireMessages(text)).toEqual(text.messages);
  });
});

describe('"this model cannot read images"', () => {
  it("recognises providers' wordings, only where the request carried an image", () => {
    expect(
      refineImageError({ kind: 'bad-request', detail: '400 Invalid content type. image_url is only supported by certain models.' }),
    ).toMatchObject({
      kind: 'model-cannot-see',
    });
    expect(refineImageError({ kind: 'model-not-found', detail: '404 No endpoints found that support image input' }).kind).toBe(
      'model-cannot-see',
    );
    expect(refineImageError({ kind: 'bad-request', detail: 'unknown variant `image_url`, expected `text`' }).kind).toBe('model-cannot-see');
    expect(refineImageError({ kind: 'server', detail: 'this model is missing data required for image input' }).kind).toBe(
      'model-cannot-see',
    );
    // Other failures keep their own rows.
    expect(refineImageError({ kind: 'model-not-found', detail: 'The model `gpt-4-vision` does not exist' }).kind).toBe('model-not-found');
    expect(refineImageError({ kind: 'invalid-key', detail: 'image input' }).kind).toBe('invalid-key');
    expect(refineImageError({ kind: 'bad-request' }).kind).toBe('bad-request');
  });

  it('marks the models an endpoint lists as reading images', () => {
    const models = [
      { id: 'vision-mini', created: 2, inputModalities: ['text', 'image'] },
      { id: 'text-mini', created: 1, inputModalities: ['text'] },
      { id: 'plain-mini', created: 0 },
    ];
    expect(models.map(readsImages)).toEqual([true, false, undefined]);
    const options = modelChoice(models, '', 0).options;
    expect(options).toEqual([{ id: 'vision-mini', readsImages: true }, { id: 'text-mini' }, { id: 'plain-mini' }]);
  });
});

describe('settings and protocol', () => {
  it('images are on by default and the switch is validated', () => {
    expect(DEFAULT_SETTINGS.imageSource).toBe(true);
    expect(validateSettings({ imageSource: false }).imageSource).toBe(false);
    expect(validateSettings({ imageSource: 'no' }).imageSource).toBe(true);
  });

  it('takes a pasted image as a base64 image data URL only', () => {
    expect(VALIDATORS.expandImage({ dataUrl: 'data:image/png;base64,AAAA', name: 'a.png' })).toEqual({
      dataUrl: 'data:image/png;base64,AAAA',
      name: 'a.png',
    });
    expect(VALIDATORS.expandImage({ dataUrl: 'data:text/html;base64,AAAA' })).toBeNull();
    expect(VALIDATORS.expandImage({ dataUrl: 'https://example.com/a.png' })).toBeNull();
    expect(VALIDATORS.expandImage({ dataUrl: 'data:image/png;base64,AAAA', choice: { target: 'nope' } })).toBeNull();
  });
});

describe('history keeps a thumbnail of the source image', () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 255]);
  const thumbnail = `data:image/png;base64,${toBase64(PNG)}`;
  const image: SourceImage = {
    via: 'screenshot',
    width: 480,
    height: 320,
    mime: 'image/jpeg',
    bytes: 20_000,
    originalWidth: 480,
    originalHeight: 320,
    thumbnail,
    srcUrl: 'https://example.com/a.png',
  };
  const job = (id: string, source: CapturedSource) =>
    finishExpanding(startExpanding(newJob(id, 'menu', 1), source, 'm', 2), `prompt ${id}`, 3);
  const file = (prompts: unknown[]) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, prompts, images: [] });

  it('checks thumbnails like other images: a small data URL whose bytes are what it says', () => {
    expect(isThumbnail(thumbnail)).toBe(true);
    expect(isThumbnail('')).toBe(true);
    expect(isThumbnail(`data:image/jpeg;base64,${toBase64(PNG)}`)).toBe(false);
    expect(isThumbnail('data:image/png;base64,@@@@')).toBe(false);
    expect(isThumbnail(`data:image/png;base64,${'A'.repeat(MAX_THUMB_CHARS)}`)).toBe(false);
  });

  it('imports a job with its source image, and rejects a tampered one', () => {
    const good = job('a', { ...IMAGE_SOURCE, image });
    const result = parseImport(
      file([
        { id: 'a', createdAt: 1, job: good },
        { id: 'b', createdAt: 1, job: job('b', { ...IMAGE_SOURCE, image: { ...image, thumbnail: 'javascript:alert(1)' } }) },
        { id: 'c', createdAt: 1, job: job('c', { ...IMAGE_SOURCE, image: { ...image, via: 'magic' } as unknown as SourceImage }) },
      ]),
    );
    if ('error' in result) throw new Error(result.error);
    expect(result.prompts.map((p) => p.job)).toEqual([good]);
    expect(result.rejected.map((r) => r.reason)).toEqual(['malformed source image', 'unknown image source']);
  });

  it('does not search the thumbnail, only words', () => {
    const text = jobText(promptRecord(job('a', { ...IMAGE_SOURCE, image }), 1).job);
    expect(text.some((part) => part.startsWith('data:'))).toBe(false);
    expect(text).toContain('Harbour gallery');
  });
});

// The export file: prompts (whole job snapshots) and images (bytes as base64) in one JSON file,
// and the validation of a file being imported, record by record. Pure.
import { byteSize, IMAGE_MIME_TYPES, type ImageMime, type ImageRecord, type ImageWithBytes, type PromptRecord } from './history';
import { MAX_THUMB_CHARS, splitDataUrl } from './image-source';
import type { Job } from './job';
import { MAX_JOB_PROMPT_CHARS as MAX_PROMPT_CHARS, parseJob } from './job-shape';

export const EXPORT_FORMAT = 'promptbrush-history';
export const EXPORT_VERSION = 1;
/** Largest image accepted from a file. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Largest file read at all (a browser cannot hold a much larger text), and most records in one. */
export const MAX_IMPORT_BYTES = 400 * 1024 * 1024;
export const MAX_IMPORT_RECORDS = 20_000;

export interface ExportedPrompt {
  id: string;
  createdAt: number;
  updatedAt: number;
  job: Job;
}

export interface ExportedImage {
  id: string;
  jobId: string;
  createdAt: number;
  mime: ImageMime;
  width: number;
  height: number;
  model: string;
  backend?: string;
  seed?: number;
  prompt?: string;
  negativePrompt?: string;
  /** The image bytes, base64. */
  data: string;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  prompts: ExportedPrompt[];
  images: ExportedImage[];
}

export interface Rejection {
  /** Which record: "prompt 3", "image 2 (id …)". */
  what: string;
  reason: string;
}

export interface ParsedImport {
  prompts: PromptRecord[];
  images: Omit<ImageWithBytes, 'thumb' | 'size'>[];
  rejected: Rejection[];
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(data: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) return null;
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The format the bytes really are, from their first bytes. */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) {
    return 'image/webp';
  }
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  return null;
}

/** The optional "how it was drawn" fields of an image record, where present and well formed. */
export function drawnWith(raw: Record<string, unknown>): Pick<ImageRecord, 'backend' | 'seed' | 'prompt' | 'negativePrompt'> {
  const text = (v: unknown, max: number) => typeof v === 'string' && v !== '' && v.length <= max;
  return {
    ...(text(raw.backend, 40) ? { backend: raw.backend as string } : {}),
    ...(Number.isInteger(raw.seed) && (raw.seed as number) >= 0 ? { seed: raw.seed as number } : {}),
    ...(text(raw.prompt, MAX_PROMPT_CHARS) ? { prompt: raw.prompt as string } : {}),
    ...(text(raw.negativePrompt, MAX_PROMPT_CHARS) ? { negativePrompt: raw.negativePrompt as string } : {}),
  };
}

export function buildExport(prompts: readonly PromptRecord[], images: readonly ImageWithBytes[], now: Date): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    prompts: prompts.map(({ id, createdAt, updatedAt, job }) => ({ id, createdAt, updatedAt, job })),
    images: images.map(({ id, jobId, createdAt, mime, width, height, model, bytes, ...drawn }) => ({
      id,
      jobId,
      createdAt,
      mime,
      width,
      height,
      model,
      ...drawnWith(drawn),
      data: toBase64(bytes),
    })),
  };
}

export function exportFileName(now: Date): string {
  return `promptbrush-history-${now.toISOString().slice(0, 10)}.json`;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isSide = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 16_384;

/** A thumbnail kept with a source image: empty, or a small data URL whose bytes are the image it says. */
export function isThumbnail(value: unknown): boolean {
  if (value === '') return true;
  if (typeof value !== 'string' || value.length > MAX_THUMB_CHARS) return false;
  const parts = splitDataUrl(value);
  const bytes = parts && fromBase64(parts.base64);
  return !!bytes && bytes.length > 0 && sniffImage(bytes) === parts.mime;
}

/**
 * A prompt record: its job rebuilt from whitelisted fields only (utils/job-shape.ts), with the
 * defaults older exports left out. A field of the wrong type rejects the record with its reason.
 */
function parsePrompt(raw: unknown): PromptRecord | string {
  if (!isObject(raw)) return 'not an object';
  if (!isId(raw.id)) return 'missing or malformed id';
  if (!isTime(raw.createdAt)) return 'missing time';
  if (!isObject(raw.job)) return 'no job in the record';
  if (raw.job.id !== raw.id) return 'the job id does not match the record id';
  const parsed = parseJob({ edited: false, trigger: 'popup-text', ...raw.job });
  if ('problem' in parsed) return parsed.problem;
  const { job } = parsed;
  if (job.prompt.trim() === '') return 'no prompt text';
  // A source image's thumbnail is shown: its bytes must be the image it says.
  if (job.source?.image && !isThumbnail(job.source.image.thumbnail)) return 'malformed source image';
  const updatedAt = isTime(raw.updatedAt) ? raw.updatedAt : raw.createdAt;
  return { id: raw.id, createdAt: raw.createdAt, updatedAt, job, size: byteSize(job) };
}

function parseImage(raw: unknown): ParsedImport['images'][number] | string {
  if (!isObject(raw)) return 'not an object';
  if (!isId(raw.id) || !isId(raw.jobId)) return 'missing or malformed id';
  if (!isTime(raw.createdAt)) return 'missing time';
  if (typeof raw.mime !== 'string' || !(IMAGE_MIME_TYPES as readonly string[]).includes(raw.mime)) return 'unsupported image format';
  if (!isSide(raw.width) || !isSide(raw.height)) return 'bad width or height';
  if (typeof raw.model !== 'string' || raw.model.length > 200) return 'malformed model';
  if (typeof raw.data !== 'string') return 'no image data';
  if (raw.data.length > (MAX_IMAGE_BYTES * 4) / 3 + 4) return 'image too large';
  const bytes = fromBase64(raw.data);
  if (!bytes || bytes.length === 0) return 'image data is not valid base64';
  if (sniffImage(bytes) !== raw.mime) return `the bytes are not ${raw.mime}`;
  const meta: Omit<ImageRecord, 'thumb' | 'size'> = {
    id: raw.id,
    jobId: raw.jobId,
    createdAt: raw.createdAt,
    mime: raw.mime as ImageMime,
    width: raw.width as number,
    height: raw.height as number,
    model: raw.model,
    ...drawnWith(raw),
    byteLength: bytes.length,
  };
  return { ...meta, bytes };
}

/** Why a file of this size is not read at all, or null. Checked before the file is read or parsed. */
export function importTooLarge(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString('en')} MB`;
  return `This file is ${mb(bytes)}; Promptbrush imports files of up to ${mb(MAX_IMPORT_BYTES)}. Nothing was imported: export a smaller history (lower its size in Settings first) and try again.`;
}

/**
 * Reads an export file. A file that is not one at all gives an error; otherwise every record is
 * checked on its own, and the bad ones are listed with the reason instead of failing the rest.
 */
export function parseImport(text: string): ParsedImport | { error: string } {
  const tooBig = importTooLarge(text.length);
  if (tooBig) return { error: tooBig };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'This file is not JSON: choose a file made by "Export history".' };
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) return { error: 'This file is not a Promptbrush history export.' };
  if (typeof data.version !== 'number' || data.version > EXPORT_VERSION) {
    return { error: `This export was made by a newer Promptbrush (format ${String(data.version)}): update the extension first.` };
  }
  if (!Array.isArray(data.prompts) || !Array.isArray(data.images)) return { error: 'The file has no prompts or images list.' };
  const records = data.prompts.length + data.images.length;
  if (records > MAX_IMPORT_RECORDS) {
    return {
      error: `This file holds ${records.toLocaleString('en')} records; Promptbrush imports at most ${MAX_IMPORT_RECORDS.toLocaleString('en')} at once. Nothing was imported.`,
    };
  }
  const result: ParsedImport = { prompts: [], images: [], rejected: [] };
  const seen = new Set<string>();
  data.prompts.forEach((raw, index) => {
    const parsed = parsePrompt(raw);
    const what = `prompt ${index + 1}${isObject(raw) && isId(raw.id) ? ` (${raw.id})` : ''}`;
    if (typeof parsed === 'string') result.rejected.push({ what, reason: parsed });
    else if (seen.has(`p:${parsed.id}`)) result.rejected.push({ what, reason: 'listed twice in the file' });
    else {
      seen.add(`p:${parsed.id}`);
      result.prompts.push(parsed);
    }
  });
  data.images.forEach((raw, index) => {
    const parsed = parseImage(raw);
    const what = `image ${index + 1}${isObject(raw) && isId(raw.id) ? ` (${raw.id})` : ''}`;
    if (typeof parsed === 'string') result.rejected.push({ what, reason: parsed });
    else if (seen.has(`i:${parsed.id}`)) result.rejected.push({ what, reason: 'listed twice in the file' });
    else {
      seen.add(`i:${parsed.id}`);
      result.images.push(parsed);
    }
  });
  return result;
}

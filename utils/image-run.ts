// One click on "Generate image": a small state machine kept as plain data (in storage.session,
// written by the background). The bytes live in the history database (utils/history-store.ts);
// the run holds their ids. A failed run never touches the job, so the prompt is always kept. Pure.
import type { JobError } from './errors';
import type { RunImage } from './history';
import type { ImageBackendKind } from './image-backend-kinds';
import type { ImageAspect } from './image-size';

export type ImageRunStatus = 'starting' | 'generating' | 'done' | 'error';

export interface ImageRun {
  id: string;
  /** The job whose prompt this run draws. */
  jobId: string;
  status: ImageRunStatus;
  prompt: string;
  negativePrompt?: string;
  aspect: ImageAspect;
  /** The seed asked for ("Same seed"), or absent for the settings' own. */
  seed?: number;
  /** Which backend draws it (utils/image-backends.ts). */
  backend?: ImageBackendKind;
  /** Drawing progress, 0–1, where the backend reports it. */
  progress?: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  model?: string;
  /** True when no model was chosen in Settings and this one was picked from the endpoint's list. */
  modelPicked?: boolean;
  size?: string;
  /** The size is the model's closest to the aspect ratio, not exactly it. */
  sizeApproximate?: boolean;
  quality?: string;
  format?: string;
  count?: number;
  streaming?: boolean;
  /** The latest partial image while streaming: the id of its (transient) bytes and its 0-based index. */
  partial?: { id: string; index: number };
  images: RunImage[];
  error?: JobError;
}

export interface RunPlan {
  backend?: ImageBackendKind;
  model: string;
  modelPicked: boolean;
  size: string;
  sizeApproximate: boolean;
  quality?: string;
  format?: string;
  count: number;
  streaming: boolean;
}

export function isGenerating(run: ImageRun | null | undefined): boolean {
  return !!run && (run.status === 'starting' || run.status === 'generating');
}

export function newImageRun(
  id: string,
  input: { jobId: string; prompt: string; negativePrompt?: string; aspect: ImageAspect; seed?: number },
  now: number,
): ImageRun {
  return {
    id,
    jobId: input.jobId,
    status: 'starting',
    prompt: input.prompt,
    ...(input.negativePrompt ? { negativePrompt: input.negativePrompt } : {}),
    aspect: input.aspect,
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    startedAt: now,
    updatedAt: now,
    images: [],
  };
}

export function startGenerating(run: ImageRun, plan: RunPlan, now: number): ImageRun {
  if (run.status !== 'starting') return run;
  return { ...run, ...plan, status: 'generating', updatedAt: now };
}

export function showPartial(run: ImageRun, partial: { id: string; index: number }, now: number): ImageRun {
  if (run.status !== 'generating') return run;
  return { ...run, partial, updatedAt: now };
}

/** The backend reported how far it is (0–1) and/or sent a preview image. */
export function showProgress(run: ImageRun, progress: number | undefined, partial: ImageRun['partial'], now: number): ImageRun {
  if (run.status !== 'generating') return run;
  return {
    ...run,
    ...(progress !== undefined ? { progress: Math.min(1, Math.max(0, progress)) } : {}),
    ...(partial ? { partial } : {}),
    updatedAt: now,
  };
}

export function finishRun(run: ImageRun, images: RunImage[], now: number): ImageRun {
  if (!isGenerating(run)) return run;
  return { ...run, status: 'done', images, partial: undefined, error: undefined, updatedAt: now, finishedAt: now };
}

export function failRun(run: ImageRun, error: JobError, now: number): ImageRun {
  if (!isGenerating(run)) return run;
  return { ...run, status: 'error', error, updatedAt: now, finishedAt: now };
}

/** The worker started again and found this run unfinished. */
export function interruptRun(run: ImageRun, now: number): ImageRun {
  return isGenerating(run) ? failRun(run, { kind: 'interrupted' }, now) : run;
}

/** "12 s", "1 min 05 s". */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** What a run draws with, for people: "gpt-image-2 · 1536×1024 · high quality · 2 images". */
export function describeRun(run: ImageRun): string {
  const parts = [run.model ?? ''];
  if (run.size) parts.push(run.size.replace('x', '×'));
  if (run.quality && run.quality !== 'auto') parts.push(`${run.quality} quality`);
  if (run.count && run.count > 1) parts.push(`${run.count} images`);
  return parts.filter(Boolean).join(' · ');
}

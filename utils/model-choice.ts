// What the model picker shows for a live model list: usable models, retired ones hidden,
// upcoming shutdowns flagged, and a chosen model that has gone away. Pure.
import { isRetired, type ModelInfo, pickChatModel, readsImages, usableChatModels } from './models';

export interface ModelOption {
  id: string;
  /** "gpt-x — retires 2026-12-01" for models with a shutdown date ahead; "· reads images" where the endpoint says so. */
  label: string;
  retiresOn?: string;
  /** The endpoint lists image input for it (prompts from images need such a model). */
  readsImages?: true;
}

export interface ModelChoice {
  options: ModelOption[];
  /** Chat models in the list whose shutdown date has passed (not offered). */
  hiddenRetired: number;
  /** What "Automatic" would pick. */
  automatic?: string;
  /** The chosen model is no longer offered: why, and what to switch to in one click. */
  gone?: { id: string; reason: string; switchTo?: string };
  /** The chosen model is offered but scheduled to shut down. */
  retiring?: { id: string; on: string };
}

export const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export function modelChoice(models: ModelInfo[], chosen: string, nowSeconds: number): ModelChoice {
  const usable = usableChatModels(models, nowSeconds);
  const options = usable.map((m) => {
    const retiresOn = m.shutdownDate !== undefined ? isoDay(m.shutdownDate) : undefined;
    const vision = readsImages(m) === true;
    const label = `${retiresOn ? `${m.id} — retires ${retiresOn}` : m.id}${vision ? ' · reads images' : ''}`;
    return { id: m.id, label, ...(retiresOn ? { retiresOn } : {}), ...(vision ? { readsImages: true as const } : {}) };
  });
  const automatic = pickChatModel(models, nowSeconds);
  const choice: ModelChoice = {
    options,
    hiddenRetired: models.filter((m) => isRetired(m, nowSeconds)).length,
    ...(automatic ? { automatic } : {}),
  };
  if (!chosen || models.length === 0) return choice;
  const entry = models.find((m) => m.id === chosen);
  if (entry && isRetired(entry, nowSeconds)) {
    return { ...choice, gone: { id: chosen, reason: `was retired on ${isoDay(entry.shutdownDate!)}`, switchTo: automatic } };
  }
  if (!entry) return { ...choice, gone: { id: chosen, reason: 'is not offered by this endpoint (any more)', switchTo: automatic } };
  const retiresOn = options.find((o) => o.id === chosen)?.retiresOn;
  return retiresOn ? { ...choice, retiring: { id: chosen, on: retiresOn } } : choice;
}

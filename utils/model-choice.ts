// What the model picker shows for a live model list: usable models, retired ones hidden,
// upcoming shutdowns flagged, and a chosen model that has gone away. Pure.
import { isRetired, type ModelInfo, pickChatModel, readsImages, usableChatModels } from './models';

export interface ModelOption {
  id: string;
  /** The day (YYYY-MM-DD) of a shutdown ahead; the page says it in the person's language. */
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
  /** The chosen model is no longer offered: the day it was retired (else it is just not listed), and what to switch to in one click. */
  gone?: { id: string; retiredOn?: string; switchTo?: string };
  /** The chosen model is offered but scheduled to shut down. */
  retiring?: { id: string; on: string };
}

export const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export function modelChoice(models: ModelInfo[], chosen: string, nowSeconds: number): ModelChoice {
  const usable = usableChatModels(models, nowSeconds);
  const options = usable.map((m) => {
    const retiresOn = m.shutdownDate !== undefined ? isoDay(m.shutdownDate) : undefined;
    const vision = readsImages(m) === true;
    return { id: m.id, ...(retiresOn ? { retiresOn } : {}), ...(vision ? { readsImages: true as const } : {}) };
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
    return { ...choice, gone: { id: chosen, retiredOn: isoDay(entry.shutdownDate!), switchTo: automatic } };
  }
  if (!entry) return { ...choice, gone: { id: chosen, switchTo: automatic } };
  const retiresOn = options.find((o) => o.id === chosen)?.retiresOn;
  return retiresOn ? { ...choice, retiring: { id: chosen, on: retiresOn } } : choice;
}

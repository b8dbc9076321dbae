// Choosing models from what an endpoint lists (GET /v1/models). Pure.

export interface ModelInfo {
  id: string;
  created?: number;
  /** Unix seconds; set by OpenAI for models that are scheduled to be retired. */
  shutdownDate?: number;
  /** What the model takes as input ("text", "image"…), where the endpoint lists it (OpenRouter does). */
  inputModalities?: string[];
}

/** Whether the model reads images: known only where the endpoint lists input modalities. */
export function readsImages(model: ModelInfo): boolean | undefined {
  return model.inputModalities ? model.inputModalities.includes('image') : undefined;
}

const NOT_CHAT =
  /(embed|whisper|tts|transcribe|audio|realtime|moderation|dall-e|image|search|davinci|babbage|computer-use|sora|omni-moderation)/i;

export function isChatModel(id: string): boolean {
  return !NOT_CHAT.test(id);
}

export function isRetired(model: ModelInfo, nowSeconds: number): boolean {
  return model.shutdownDate !== undefined && model.shutdownDate <= nowSeconds;
}

/** Chat models that can still be used, newest first. */
export function usableChatModels(models: ModelInfo[], nowSeconds: number): ModelInfo[] {
  return models.filter((m) => isChatModel(m.id) && !isRetired(m, nowSeconds)).sort((a, b) => (b.created ?? 0) - (a.created ?? 0));
}

/**
 * The model to use when the person has not chosen one: a recent, fast "mini" model when the
 * endpoint has one (prompt writing needs no frontier model), else the newest chat model.
 * Nothing is hard-coded: models come and go, so the choice is made from the live list.
 */
export function pickChatModel(models: ModelInfo[], nowSeconds: number): string | undefined {
  const usable = usableChatModels(models, nowSeconds);
  const scheduled = (m: ModelInfo) => m.shutdownDate !== undefined;
  const stable = usable.filter((m) => !scheduled(m));
  const pool = stable.length > 0 ? stable : usable;
  return (pool.find((m) => /mini/i.test(m.id) && !/nano/i.test(m.id)) ?? pool[0])?.id;
}

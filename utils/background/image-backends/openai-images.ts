// The OpenAI Images API and compatible /images/generations endpoints, through the openai SDK:
// picks the model from the live list when none is chosen, maps the aspect ratio to a size the
// model draws, streams partial images where the model can.
import { PromptbrushError } from '../../errors';
import { base64ToBytes } from '../../image-bytes';
import { capsFor, pickImageModel, retiredModel, usableImageModels } from '../../image-models';
import type { ModelInfo } from '../../models';
import { classifyImageError, retiredError } from '../classify-image-error';
import { generateImages } from '../image-client';
import { buildImageRequest } from '../image-request';
import { createClient, listModels } from '../model-client';
import type { BackendConnection, ImageBackendAdapter } from './types';

function readModels(connection: BackendConnection, signal?: AbortSignal): Promise<ModelInfo[]> {
  const client = createClient({
    baseUrl: connection.baseUrl,
    apiKey: connection.apiKey,
    timeoutMs: 15_000,
    maxRetries: 1,
    fetch: connection.fetch,
  });
  return listModels(client, signal);
}

export const openAiImages: ImageBackendAdapter = {
  async generate(job, settings, connection, { signal, nowSeconds, onPlan, onProgress }) {
    let model: string | undefined;
    let models: ModelInfo[] | undefined;
    let partials = 0;
    try {
      const chosen = settings.model;
      // The live list says which models exist today; without a choice it is required.
      try {
        models = await readModels(connection, signal);
      } catch (error) {
        if (!chosen) throw error;
      }
      model = chosen || pickImageModel(models ?? [], nowSeconds);
      if (!model) throw new PromptbrushError('no-image-model');
      const gone = retiredModel(models, model, nowSeconds);
      if (gone) throw PromptbrushError.of(retiredError(gone));
      const request = buildImageRequest(job, model, { ...settings, count: job.count }, capsFor(model));
      await onPlan({
        model,
        modelPicked: !chosen,
        size: request.sizeChoice.size,
        sizeApproximate: !request.sizeChoice.exact,
        ...(request.body.quality ? { quality: request.body.quality } : {}),
        ...(request.body.output_format ? { format: request.body.output_format } : {}),
        count: request.body.n,
        streaming: request.stream,
      });
      const client = createClient({
        baseUrl: connection.baseUrl,
        apiKey: connection.apiKey,
        timeoutMs: connection.timeoutMs,
        maxRetries: 1,
        fetch: connection.fetch,
      });
      const images = await generateImages(client, request, {
        signal,
        onPartial: async (b64) => {
          partials++;
          await onProgress({ preview: base64ToBytes(b64) });
        },
      });
      return {
        model,
        // No negative prompt on this API: what was asked to be avoided is in the prompt, or was not sent.
        prompt: request.body.prompt,
        images: images.map((image) => ({ bytes: base64ToBytes(image.b64), size: image.size ?? request.sizeChoice.size })),
      };
    } catch (error) {
      throw PromptbrushError.of(classifyImageError(error, { model, models, partials, nowSeconds, secrets: [connection.apiKey] }));
    }
  },

  async listModels(connection, signal) {
    return usableImageModels(await readModels(connection, signal), Date.now() / 1000).map((m) => m.id);
  },
};

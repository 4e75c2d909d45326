import type { Model, ModelRequest, ModelResponse } from '@openai/agents-core';
import type { UsageMeter } from './language-model';

/** Wraps a model so every request and its tokens are counted, even when the run later fails. */
export function meteredModel(model: Model, meter: UsageMeter): Model {
  return {
    async getResponse(request: ModelRequest): Promise<ModelResponse> {
      try {
        const response = await model.getResponse(request);
        meter.record(response.usage);
        return response;
      } catch (error) {
        meter.record(undefined);
        throw error;
      }
    },
    getStreamedResponse(request: ModelRequest) {
      meter.record(undefined);
      return model.getStreamedResponse(request);
    },
  };
}

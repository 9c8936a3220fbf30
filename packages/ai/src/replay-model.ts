// A language model that streams a text it was given: a cached answer goes through the same
// streamText path (and so the same UI message stream) as a fresh one, without a model call.
import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider';

const wordsOf = (s: string) => s.match(/\S+\s*|\s+/g) ?? [];

export function createReplayModel(text: string, modelId: string): LanguageModelV3 {
  const words = wordsOf(text);
  const usage = {
    inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: 0, text: 0, reasoning: 0 },
  };
  return {
    specificationVersion: 'v3',
    provider: 'learningpt.cache',
    modelId,
    supportedUrls: {},
    async doGenerate() {
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
      };
    },
    async doStream() {
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({ type: 'text-start', id: 't0' });
          for (const w of words) controller.enqueue({ type: 'text-delta', id: 't0', delta: w });
          controller.enqueue({ type: 'text-end', id: 't0' });
          controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
          controller.close();
        },
      });
      return { stream };
    },
  };
}

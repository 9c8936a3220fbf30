// Which model answers: OpenAI or Mistral through the AI SDK's providers, or the offline tutor.
// The one place that reads the AI settings; the server builds them from its environment.
import { createMistral } from '@ai-sdk/mistral';
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModel } from 'ai';
import { createMistralModerator, createOpenAiModerator, localModerator, type Moderator } from './moderation';
import { createOfflineTutorModel, OFFLINE_MODEL_ID } from './offline-tutor';

export type AiProviderName = 'openai' | 'mistral' | 'offline';

export interface AiSettings {
  provider: AiProviderName;
  openai?: { apiKey: string; baseURL?: string | undefined; model: string; api: 'responses' | 'chat' };
  mistral?: { apiKey: string; baseURL?: string | undefined; model: string };
  /** Moderation by the provider's endpoint ('provider') or the local check only ('local'). */
  moderation: 'provider' | 'local';
  /** A model call that takes longer is aborted (ms). */
  timeoutMs: number;
}

export interface TutorModels {
  provider: AiProviderName;
  /** The model id as recorded on messages ('offline-tutor' offline). */
  modelId: string;
  /** Answers chat messages (the offline tutor when no provider is configured). */
  chat: LanguageModel;
  /** Writes structured output (questions, learning paths, reviews); null without a provider. */
  generation: LanguageModel | null;
  moderator: Moderator;
  timeoutMs: number;
}

export function createTutorModels(
  settings: AiSettings,
  opts: { onModerationFallback?: (err: unknown) => void } = {},
): TutorModels {
  const base = { timeoutMs: settings.timeoutMs };
  if (settings.provider === 'openai' && settings.openai) {
    const o = settings.openai;
    const baseURL = o.baseURL ?? 'https://api.openai.com/v1';
    const openai = createOpenAI({ apiKey: o.apiKey, baseURL });
    const model = o.api === 'chat' ? openai.chat(o.model) : openai(o.model);
    return {
      ...base,
      provider: 'openai',
      modelId: o.model,
      chat: model,
      generation: model,
      moderator:
        settings.moderation === 'provider'
          ? createOpenAiModerator({
              apiKey: o.apiKey,
              baseURL,
              model: 'omni-moderation-latest',
              timeoutMs: 10_000,
              onFallback: opts.onModerationFallback,
            })
          : localModerator,
    };
  }
  if (settings.provider === 'mistral' && settings.mistral) {
    const m = settings.mistral;
    const baseURL = m.baseURL ?? 'https://api.mistral.ai/v1';
    const mistral = createMistral({ apiKey: m.apiKey, baseURL });
    const model = mistral(m.model);
    return {
      ...base,
      provider: 'mistral',
      modelId: m.model,
      chat: model,
      generation: model,
      moderator:
        settings.moderation === 'provider'
          ? createMistralModerator({
              apiKey: m.apiKey,
              baseURL,
              model: 'mistral-moderation-latest',
              timeoutMs: 10_000,
              onFallback: opts.onModerationFallback,
            })
          : localModerator,
    };
  }
  return {
    ...base,
    provider: 'offline',
    modelId: OFFLINE_MODEL_ID,
    chat: createOfflineTutorModel(),
    generation: null,
    moderator: localModerator,
  };
}

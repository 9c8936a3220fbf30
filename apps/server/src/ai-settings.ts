// The AI settings from the configuration: which provider answers (OpenAI, Mistral, or the offline
// tutor when neither key is set) and how. The one place that reads the AI_* / OPENAI_* / MISTRAL_*
// variables.
import type { AiSettings } from '@learningpt/ai';
import type { Config } from './config';

export function aiSettingsFrom(config: Config): AiSettings {
  const provider =
    config.AI_PROVIDER ?? (config.OPENAI_API_KEY ? 'openai' : config.MISTRAL_API_KEY ? 'mistral' : 'offline');
  // loadConfig refused a chosen provider without its key.
  return {
    provider,
    ...(config.OPENAI_API_KEY
      ? {
          openai: {
            apiKey: config.OPENAI_API_KEY,
            baseURL: config.OPENAI_BASE_URL,
            model: config.OPENAI_MODEL,
            api: config.OPENAI_API,
          },
        }
      : {}),
    ...(config.MISTRAL_API_KEY
      ? { mistral: { apiKey: config.MISTRAL_API_KEY, baseURL: config.MISTRAL_BASE_URL, model: config.MISTRAL_MODEL } }
      : {}),
    moderation: config.AI_MODERATION,
    timeoutMs: config.AI_TIMEOUT_MS,
  };
}

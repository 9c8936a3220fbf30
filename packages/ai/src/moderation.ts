// Moderation of a learner's message before any model sees it: the provider's moderation endpoint
// when one is configured (OpenAI /v1/moderations, Mistral /v1/moderations), otherwise a small
// local check. A provider that cannot be reached falls back to the local check (never to "allow
// everything"), and says so in the result.

export interface ModerationResult {
  flagged: boolean;
  /** Category names that were flagged (the provider's own names). */
  categories: string[];
  /** Which check decided: 'openai', 'mistral' or 'local'. */
  by: string;
}

export interface Moderator {
  readonly name: string;
  check(text: string): Promise<ModerationResult>;
}

/**
 * The local check: phrases that are unambiguous in a learning product's chat (threats, self-harm
 * encouragement, sexual content involving minors, requests for weapons). Deliberately narrow: it
 * is a floor for development and outages, not a classifier.
 */
const LOCAL_RULES: { category: string; pattern: RegExp }[] = [
  { category: 'self-harm', pattern: /\b(kill|hurt|harm)\s+(yourself|myself|himself|herself)\b/i },
  { category: 'self-harm', pattern: /\b(how\s+to|ways\s+to)\s+(commit\s+)?suicide\b/i },
  { category: 'violence', pattern: /\b(i\s+will|i'm\s+going\s+to|gonna)\s+(kill|murder|shoot|stab)\b/i },
  { category: 'violence', pattern: /\b(make|build)\s+(a\s+)?(bomb|pipe\s*bomb|explosive)s?\b/i },
  { category: 'sexual/minors', pattern: /\b(child|minor|underage)\s+(porn|sex|nude)/i },
  { category: 'harassment', pattern: /\byou\s+(stupid|worthless)\s+(idiot|piece\s+of)/i },
];

export const localModerator: Moderator = {
  name: 'local',
  async check(text) {
    const categories = [...new Set(LOCAL_RULES.filter((r) => r.pattern.test(text)).map((r) => r.category))];
    return { flagged: categories.length > 0, categories, by: 'local' };
  },
};

interface HttpModeratorOptions {
  apiKey: string;
  /** Base URL including /v1. */
  baseURL: string;
  model: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  onFallback?: (err: unknown) => void;
}

async function postModeration(o: HttpModeratorOptions, text: string): Promise<Record<string, unknown>> {
  const res = await (o.fetch ?? fetch)(`${o.baseURL.replace(/\/$/, '')}/moderations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${o.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: o.model, input: text }),
    signal: AbortSignal.timeout(o.timeoutMs),
  });
  if (!res.ok) throw new Error(`moderation answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as Record<string, unknown>;
}

function flaggedCategories(result: unknown): string[] {
  const cats = (result as { categories?: Record<string, unknown> } | undefined)?.categories ?? {};
  return Object.entries(cats)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
}

function httpModerator(name: 'openai' | 'mistral', o: HttpModeratorOptions): Moderator {
  return {
    name,
    async check(text) {
      try {
        const body = await postModeration(o, text);
        const result = (body.results as unknown[] | undefined)?.[0];
        if (!result) throw new Error('moderation answered no result');
        const categories = flaggedCategories(result);
        // OpenAI says `flagged`; Mistral only gives categories.
        const flagged = (result as { flagged?: unknown }).flagged === true || categories.length > 0;
        return { flagged, categories, by: name };
      } catch (err) {
        o.onFallback?.(err);
        const local = await localModerator.check(text);
        return { ...local, by: `local (${name} moderation unavailable)` };
      }
    },
  };
}

export const createOpenAiModerator = (o: HttpModeratorOptions) => httpModerator('openai', o);
export const createMistralModerator = (o: HttpModeratorOptions) => httpModerator('mistral', o);

// The offline tutor: an AI SDK language model (LanguageModelV3) for when no provider is configured.
// It writes nothing new: it answers from the course passages in its system prompt (the same ones a
// provider's model would get), quoting the sentences that best match the question, citing them as
// [n], and saying plainly that it is the offline tutor. It streams word by word like a model.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { parsePassages, type Passage } from './passages';

export const OFFLINE_MODEL_ID = 'offline-tutor';
export const OFFLINE_LABEL = 'Offline tutor';
/** A system prompt containing this line asks for hints only (an exam of the program is open). */
export const HINTS_ONLY_MARKER = 'MODE: HINTS ONLY';

const STOP = new Set(
  (
    'a an and are as at be but by can do does for from how i if in into is it its me my of on or so that the ' +
    'their then there these this to was what when where which who why will with you your about explain tell ' +
    'please show give mean means use used using work works should could would'
  ).split(' '),
);

const terms = (s: string): string[] =>
  (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w));

function textOf(content: LanguageModelV3Prompt[number]['content']): string {
  if (typeof content === 'string') return content;
  return content.map((p) => (p.type === 'text' ? p.text : '')).join(' ');
}

/** The sentences of the passages that share the most terms with the question, best first. */
function bestSentences(passages: readonly Passage[], question: string, max: number) {
  const q = new Set(terms(question));
  const scored: { n: number; lessonTitle: string; sentence: string; score: number; order: number }[] = [];
  let order = 0;
  for (const p of passages) {
    const sentences = p.text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim());
    for (const sentence of sentences) {
      if (sentence.length < 20) continue;
      const words = new Set(terms(sentence));
      let score = 0;
      for (const t of q) if (words.has(t)) score += 1;
      scored.push({ n: p.n, lessonTitle: p.lessonTitle, sentence, score, order: order++ });
    }
  }
  const hits = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.order - b.order);
  // Without a shared term, the passages were still found by full-text search: lead with each one's opening.
  const chosen =
    hits.length > 0
      ? hits.slice(0, max)
      : scored.filter((s, i, all) => all.findIndex((x) => x.n === s.n) === i).slice(0, max);
  return chosen.sort((a, b) => a.order - b.order);
}

/** The offline answer for a prompt (exported for tests and for the non-streaming path). */
export function offlineAnswer(prompt: LanguageModelV3Prompt): string {
  const system = prompt
    .filter((m) => m.role === 'system')
    .map((m) => textOf(m.content))
    .join('\n');
  const lastUser = [...prompt].reverse().find((m) => m.role === 'user');
  const question = lastUser ? textOf(lastUser.content) : '';
  const passages = parsePassages(system);
  const label = `*${OFFLINE_LABEL}: no AI provider is configured, so this answer quotes your course material.*`;

  if (system.includes(HINTS_ONLY_MARKER)) {
    const where = passages.slice(0, 2).map((p) => `"${p.lessonTitle}" [${p.n}]`);
    return [
      label,
      'You have an exam of this program in progress, so I can only point you in a direction, not answer its questions.',
      where.length
        ? `Re-read ${where.join(' and ')}: the idea you need is explained there.`
        : 'Re-read the lessons on this topic before you answer.',
    ].join('\n\n');
  }
  if (passages.length === 0) {
    return [
      label,
      'I could not find this in your course material. Try naming the lesson or topic you are studying, or ask from a lesson page so I know where to look.',
    ].join('\n\n');
  }
  const picked = bestSentences(passages, question, 3);
  const lines = picked.map((s) => `- ${s.sentence} [${s.n}]`);
  const sources = [...new Map(picked.map((s) => [s.n, s.lessonTitle])).entries()]
    .map(([n, title]) => `[${n}] ${title}`)
    .join(' · ');
  return [label, 'Here is what your course says about it:', lines.join('\n'), `Sources: ${sources}`].join('\n\n');
}

const wordsOf = (s: string) => s.match(/\S+\s*/g) ?? [];

function usage(input: number, output: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: output, text: output, reasoning: 0 },
  };
}

function promptWords(prompt: LanguageModelV3Prompt): number {
  return prompt.reduce((n, m) => n + wordsOf(textOf(m.content)).length, 0);
}

/** The answer cut to the output budget (a word counts as a token here). */
function budgeted(options: LanguageModelV3CallOptions): string[] {
  const words = wordsOf(offlineAnswer(options.prompt));
  const max = options.maxOutputTokens;
  return max && words.length > max ? [...words.slice(0, max), '…'] : words;
}

export function createOfflineTutorModel(): LanguageModelV3 {
  return {
    specificationVersion: 'v3',
    provider: 'learningpt.offline',
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},
    async doGenerate(options) {
      const words = budgeted(options);
      return {
        content: [{ type: 'text', text: words.join('') }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: usage(promptWords(options.prompt), words.length),
        warnings: [],
      };
    },
    async doStream(options) {
      const words = budgeted(options);
      const input = promptWords(options.prompt);
      const signal = options.abortSignal;
      let i = 0;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({ type: 'text-start', id: 't0' });
        },
        async pull(controller) {
          // One word per turn of the event loop, as a provider's tokens arrive.
          await new Promise((r) => setImmediate(r));
          if (signal?.aborted) {
            controller.error(signal.reason ?? new Error('aborted'));
            return;
          }
          if (i < words.length) {
            controller.enqueue({ type: 'text-delta', id: 't0', delta: words[i++]! });
            return;
          }
          controller.enqueue({ type: 'text-end', id: 't0' });
          controller.enqueue({
            type: 'finish',
            finishReason: { unified: 'stop', raw: 'stop' },
            usage: usage(input, words.length),
          });
          controller.close();
        },
      });
      return { stream };
    },
  };
}

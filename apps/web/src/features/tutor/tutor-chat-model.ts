// What the tutor page needs besides React: the typed UI message of the stream, the refusals the
// streaming route answers before streaming (as errors that keep their status and upgrade link),
// citations turned into links, and stored session messages turned back into UI messages.
import type { Citation, TutorMessageMetadata, tutorDataPartSchemas, ZChatSessionOutput } from '@learningpt/schema';
import type { UIMessage } from 'ai';
import type { z } from 'zod';

export const TUTOR_STREAM_PATH = '/api/ai/chat/stream';

export type TutorDataParts = { [K in keyof typeof tutorDataPartSchemas]: z.infer<(typeof tutorDataPartSchemas)[K]> };
export type TutorUIMessage = UIMessage<TutorMessageMetadata, TutorDataParts>;
export type StoredMessage = z.infer<typeof ZChatSessionOutput>['session']['messages'][number];

/** A JSON refusal of POST /api/ai/chat/stream (401, 400, 402, 422, 429...), before any streaming. */
export class TutorRefusal extends Error {
  override readonly name = 'TutorRefusal';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly upgradeUrl: string | undefined,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; upgradeUrl?: unknown };
  upgradeUrl?: unknown;
}

/** The refusal a non-2xx response stands for, with the API's own message when it sent one. */
export async function refusalOf(res: Response): Promise<TutorRefusal> {
  let body: ErrorBody | undefined;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const message =
    text(body?.error?.message) ??
    (res.status >= 500
      ? 'The tutor is unavailable right now. Please try again in a moment.'
      : `The tutor refused the message (HTTP ${res.status}).`);
  return new TutorRefusal(
    res.status,
    text(body?.error?.code) ?? `HTTP_${res.status}`,
    message,
    text(body?.upgradeUrl) ?? text(body?.error?.upgradeUrl),
  );
}

/**
 * fetch for the chat transport: the session cookie rides along, and a refusal becomes a
 * TutorRefusal (the AI SDK's own error would only carry the body's text).
 */
export const tutorFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, { ...init, credentials: 'include' });
  if (!res.ok) throw await refusalOf(res);
  return res;
};

export function lessonPath(c: Pick<Citation, 'programSlug' | 'lessonId'>): string {
  return `/programs/${encodeURIComponent(c.programSlug)}/learn/${encodeURIComponent(c.lessonId)}`;
}

/**
 * The answer's markdown with each [n] that names a citation turned into a link to its lesson
 * (`[[n]](/programs/…/learn/…)`). Code spans and fenced code are left alone, and so is an [n]
 * that already starts a markdown link or reference.
 */
export function linkCitations(markdown: string, citations: readonly Citation[]): string {
  if (citations.length === 0) return markdown;
  const byN = new Map(citations.map((c) => [c.n, c]));
  // Split off fenced blocks and inline code spans; only the text between them is rewritten.
  const pieces = markdown.split(/(```[\s\S]*?(?:```|$)|`[^`\n]*`)/);
  return pieces
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(/\[(\d{1,3})\](?![([:])/g, (whole, digits: string) => {
            const c = byN.get(Number(digits));
            return c ? `[[${c.n}]](${lessonPath(c)} "${c.lessonTitle.replace(/["\\]/g, '')}")` : whole;
          }),
    )
    .join('');
}

/** The citations the text refers to as [n], in the order of n. */
export function citedIn(text: string, citations: readonly Citation[]): Citation[] {
  const used = new Set([...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1])));
  return citations.filter((c) => used.has(c.n)).sort((a, b) => a.n - b.n);
}

/**
 * The saved messages of a session as the UI messages useChat starts from; answers carry the
 * metadata a live answer has (so a saved one shows the same badges: offline tutor, saved answer).
 */
export function toUIMessages(sessionId: string, messages: readonly StoredMessage[]): TutorUIMessage[] {
  return messages
    .filter((m) => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({
      id: m.id,
      role: m.role as 'user' | 'assistant',
      ...(m.role === 'assistant'
        ? {
            metadata: {
              sessionId,
              messageId: m.id,
              model: m.model ?? '',
              cached: m.cached,
              offline: m.offline,
            },
          }
        : {}),
      parts:
        m.role === 'assistant'
          ? [
              { type: 'data-citations' as const, data: { citations: m.citations } },
              { type: 'text' as const, text: m.content, state: 'done' as const },
            ]
          : [{ type: 'text' as const, text: m.content }],
    }));
}

/** The text of a UI message (its text parts, joined). */
export function messageText(m: TutorUIMessage): string {
  return m.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

/** The citations a UI message carries (the last data-citations part). */
export function messageCitations(m: TutorUIMessage): Citation[] {
  for (let i = m.parts.length - 1; i >= 0; i--) {
    const p = m.parts[i]!;
    if (p.type === 'data-citations') return p.data.citations;
  }
  return [];
}

/** "Ask the tutor" from a lesson: the tutor page with that program and lesson in focus. */
export function tutorPathFor({ programId, lessonId }: { programId: string; lessonId?: string }): string {
  const p = new URLSearchParams({ program: programId });
  if (lessonId) p.set('lesson', lessonId);
  return `/tutor?${p.toString()}`;
}

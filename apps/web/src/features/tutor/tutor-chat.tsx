import { useChat } from '@ai-sdk/react';
import { AI_MAX_MESSAGE_CHARS, tutorDataPartSchemas, ZTutorMessageMetadata } from '@learningpt/schema';
import { AlertIcon, signInPath, Spinner } from '@learningpt/ui';
import { DefaultChatTransport } from 'ai';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { AnswerMarkdown, AnswerSources } from './tutor-message';
import {
  messageCitations,
  messageText,
  TUTOR_STREAM_PATH,
  tutorFetch,
  TutorRefusal,
  type TutorUIMessage,
} from './tutor-chat-model';

/** The program and lesson the next question is about (from the page's query). */
export interface TutorFocus {
  programId?: string | undefined;
  programTitle?: string | undefined;
  programSlug?: string | undefined;
  lessonId?: string | undefined;
  lessonTitle?: string | undefined;
}

interface TutorChatProps {
  /** useChat's id: one chat per session (or per new chat). */
  chatId: string;
  /** The session this chat continues (undefined for a new chat until its first answer starts). */
  sessionId: string | undefined;
  initialMessages: TutorUIMessage[];
  /** Saved answers that failed before their end. */
  failedIds?: ReadonlySet<string>;
  focus: TutorFocus;
  /** A new chat learned its session id (from the stream's metadata). */
  onSession: (sessionId: string) => void;
  /** An answer ended, or a message was refused: usage and the sessions list may have changed. */
  onSettled: () => void;
  /** Reload the session from the server (after Stop, the server still writes the whole answer). */
  onReload: (sessionId: string) => void;
}

/** One conversation with the tutor: messages, the streaming answer, Stop, refusals, the composer. */
export function TutorChat({
  chatId,
  sessionId,
  initialMessages,
  failedIds,
  focus,
  onSession,
  onSettled,
  onReload,
}: TutorChatProps) {
  const [transport] = useState(
    () => new DefaultChatTransport<TutorUIMessage>({ api: TUTOR_STREAM_PATH, fetch: tutorFetch }),
  );
  const [draft, setDraft] = useState('');
  const [stoppedId, setStoppedId] = useState<string | null>(null);
  const [tooLong, setTooLong] = useState(false);
  const lastSent = useRef('');
  const { messages, sendMessage, status, stop, error, clearError, regenerate, setMessages } = useChat<TutorUIMessage>({
    id: chatId,
    messages: initialMessages,
    transport,
    messageMetadataSchema: ZTutorMessageMetadata,
    dataPartSchemas: tutorDataPartSchemas,
    onFinish: ({ message, isAbort }) => {
      const sid = message.metadata?.sessionId;
      if (sid && sid !== sessionId) onSession(sid);
      if (isAbort && message.role === 'assistant') setStoppedId(message.id);
      onSettled();
    },
    onError: (err) => {
      if (err instanceof TutorRefusal) {
        // Nothing was saved: take the message back out of the conversation, into the box.
        setMessages((ms) => (ms.at(-1)?.role === 'user' ? ms.slice(0, -1) : ms));
        setDraft((d) => (d === '' ? lastSent.current : d));
        onSettled();
      }
    },
  });
  const busy = status === 'submitted' || status === 'streaming';
  const knownSession =
    sessionId ?? messages.findLast((m) => m.role === 'assistant' && m.metadata?.sessionId)?.metadata?.sessionId;

  const send = (text: string) => {
    const message = text.trim();
    if (!message || busy) return;
    if (message.length > AI_MAX_MESSAGE_CHARS) {
      setTooLong(true);
      return;
    }
    setTooLong(false);
    setStoppedId(null);
    clearError();
    lastSent.current = message;
    setDraft('');
    void sendMessage(
      { text: message },
      { body: { programId: focus.programId, lessonId: focus.lessonId, sessionId: knownSession } },
    );
  };

  return (
    <div className="flex min-h-[28rem] flex-col rounded-xl border border-slate-200 bg-white">
      <Conversation
        messages={messages}
        status={status}
        failedIds={failedIds}
        stoppedId={stoppedId}
        focus={focus}
        onSuggest={send}
        onShowFull={knownSession ? () => onReload(knownSession) : undefined}
      />
      {error && (
        <div className="px-4 pb-2 sm:px-6">
          {error instanceof TutorRefusal ? (
            <RefusalAlert refusal={error} focus={focus} />
          ) : (
            <div
              role="alert"
              className="flex flex-wrap items-center gap-3 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-inset ring-red-600/20"
            >
              <AlertIcon className="size-4 shrink-0 text-red-500" />
              <p className="min-w-0 flex-1">{streamErrorMessage(error)}</p>
              <button
                type="button"
                className="btn-secondary !py-1"
                onClick={() => {
                  clearError();
                  void regenerate({
                    body: { programId: focus.programId, lessonId: focus.lessonId, sessionId: knownSession },
                  });
                }}
              >
                Try again
              </button>
            </div>
          )}
        </div>
      )}
      <Composer
        draft={draft}
        setDraft={(d) => {
          setDraft(d);
          if (tooLong && d.trim().length <= AI_MAX_MESSAGE_CHARS) setTooLong(false);
        }}
        busy={busy}
        tooLong={tooLong}
        onSend={() => send(draft)}
        onStop={() => void stop()}
        focus={focus}
      />
    </div>
  );
}

/** The stream's error part carries the server's message; a dropped connection has a parser's. */
function streamErrorMessage(error: Error): string {
  if (error.name === 'TypeError' || /fetch|network/i.test(error.message)) {
    return 'The connection to the tutor was lost. Check your connection and try again.';
  }
  return error.message || 'The tutor could not finish this answer. Please try again.';
}

const REFUSAL_TITLES: Record<number, string> = {
  400: 'This message cannot be sent',
  401: 'Please sign in again',
  402: 'The tutor of this program is not included in your access',
  404: 'This chat or program no longer exists',
  422: 'This message was not sent',
  429: "You've reached today's tutor limit",
};

/** A refusal before the answer: what the API said, and the way forward when there is one. */
function RefusalAlert({ refusal, focus }: { refusal: TutorRefusal; focus: TutorFocus }) {
  const location = useLocation();
  const title = REFUSAL_TITLES[refusal.status] ?? (refusal.status >= 500 ? 'The tutor is unavailable' : 'Not sent');
  return (
    <div
      role="alert"
      data-testid="tutor-refusal"
      className={`rounded-lg px-4 py-3 text-sm ring-1 ring-inset ${
        refusal.status === 429 || refusal.status === 402
          ? 'bg-amber-50 text-amber-900 ring-amber-600/20'
          : 'bg-red-50 text-red-800 ring-red-600/20'
      }`}
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{refusal.message}</p>
      <div className="mt-2 flex flex-wrap gap-3">
        {refusal.status === 429 && (
          <Link to={refusal.upgradeUrl ?? '/pricing'} className="btn-primary !py-1.5">
            Upgrade
          </Link>
        )}
        {refusal.status === 402 && focus.programSlug && (
          <Link to={`/programs/${encodeURIComponent(focus.programSlug)}`} className="btn-primary !py-1.5">
            Go to {focus.programTitle ?? 'the program'}
          </Link>
        )}
        {refusal.status === 402 && refusal.upgradeUrl && (
          <Link to={refusal.upgradeUrl} className="btn-secondary !py-1.5">
            See plans
          </Link>
        )}
        {refusal.status === 401 && (
          <Link to={signInPath('/sign-in', location)} className="btn-primary !py-1.5">
            Sign in
          </Link>
        )}
      </div>
    </div>
  );
}

function suggestionsFor(focus: TutorFocus): string[] {
  if (focus.lessonTitle) {
    return [
      `Summarise the lesson "${focus.lessonTitle}" in a few points.`,
      `Explain the key ideas of "${focus.lessonTitle}" with an example.`,
      `Quiz me on "${focus.lessonTitle}" with three questions.`,
    ];
  }
  if (focus.programTitle) {
    return [
      `What will I learn in ${focus.programTitle}?`,
      `Where should I start in ${focus.programTitle}?`,
      `Explain the hardest concept of ${focus.programTitle} simply.`,
    ];
  }
  return [
    'What should I study next in my programs?',
    'Explain a concept from my courses with an example.',
    'Make me a study plan for this week.',
  ];
}

interface ConversationProps {
  messages: TutorUIMessage[];
  status: ReturnType<typeof useChat>['status'];
  failedIds: ReadonlySet<string> | undefined;
  stoppedId: string | null;
  focus: TutorFocus;
  onSuggest: (q: string) => void;
  onShowFull: (() => void) | undefined;
}

function Conversation({ messages, status, failedIds, stoppedId, focus, onSuggest, onShowFull }: ConversationProps) {
  const end = useRef<HTMLDivElement>(null);
  const last = messages.at(-1);
  const lastLength = last ? messageText(last).length : 0;
  // Follow the answer as it grows.
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length, lastLength]);

  if (messages.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center px-6 py-12 text-center">
        <h2 className="text-lg font-semibold text-slate-900">
          {focus.lessonTitle
            ? `Ask about "${focus.lessonTitle}"`
            : focus.programTitle
              ? `Ask about ${focus.programTitle}`
              : 'Ask the tutor anything about your courses'}
        </h2>
        <p className="mt-1 max-w-md text-sm text-slate-600">
          Answers come from your programs' lessons and cite them, so you can read more. Try one of these:
        </p>
        <ul aria-label="Suggested questions" className="mt-5 flex max-w-xl flex-col gap-2">
          {suggestionsFor(focus).map((q) => (
            <li key={q}>
              <button
                type="button"
                className="w-full rounded-lg border border-slate-200 bg-slate-50 px-4 py-2 text-left text-sm text-slate-700 hover:border-indigo-200 hover:bg-indigo-50"
                onClick={() => onSuggest(q)}
              >
                {q}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const streamingId = status === 'streaming' && last?.role === 'assistant' ? last.id : null;
  return (
    <div className="flex-1 overflow-y-auto px-4 py-6 sm:px-6">
      <ol aria-label="Conversation" className="space-y-5">
        {messages.map((m) => (
          <li key={m.id}>
            {m.role === 'user' ? (
              <UserMessage text={messageText(m)} />
            ) : (
              <AssistantMessage
                message={m}
                streaming={m.id === streamingId}
                failed={failedIds?.has(m.id) ?? false}
                stopped={m.id === stoppedId}
                onShowFull={onShowFull}
              />
            )}
          </li>
        ))}
        {status === 'submitted' && (
          <li className="flex items-center gap-2 text-sm text-slate-500">
            <Spinner label="The tutor is thinking…" className="size-4" />
            <span aria-hidden="true">The tutor is thinking…</span>
          </li>
        )}
      </ol>
      <p className="sr-only" role="status">
        {status === 'streaming'
          ? 'The tutor is answering…'
          : status === 'ready' && last?.role === 'assistant'
            ? 'Answer complete.'
            : ''}
      </p>
      <div ref={end} />
    </div>
  );
}

export function UserMessage({ text }: { text: string }) {
  return (
    <article
      aria-label="Your message"
      className="ml-auto max-w-[85%] rounded-2xl rounded-br-sm bg-indigo-600 px-4 py-2.5 text-sm text-white"
    >
      <p className="whitespace-pre-wrap break-words">{text}</p>
    </article>
  );
}

interface AssistantMessageProps {
  message: TutorUIMessage;
  streaming: boolean;
  failed: boolean;
  stopped: boolean;
  onShowFull?: (() => void) | undefined;
}

export function AssistantMessage({ message, streaming, failed, stopped, onShowFull }: AssistantMessageProps) {
  const text = messageText(message);
  const citations = messageCitations(message);
  const meta = message.metadata;
  return (
    <article
      aria-label="Tutor's answer"
      aria-busy={streaming || undefined}
      className="max-w-[95%] rounded-2xl rounded-bl-sm border border-slate-200 bg-white px-4 py-3 shadow-sm"
    >
      <div className="mb-1.5 flex flex-wrap items-center gap-2 text-xs">
        <span className="font-semibold text-slate-700">Tutor</span>
        {meta?.offline && (
          <span
            className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-800"
            title="No AI provider is configured: this answer quotes the course's lessons."
          >
            Offline tutor
          </span>
        )}
        {meta?.cached && (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-600">Saved answer</span>
        )}
        {streaming && <span className="text-slate-500">Writing…</span>}
      </div>
      {text ? (
        <AnswerMarkdown text={text} citations={citations} />
      ) : (
        streaming && <p className="text-sm text-slate-500">…</p>
      )}
      {failed && (
        <p className="mt-2 text-sm text-red-700">This answer could not be finished. Ask again to get a new one.</p>
      )}
      {stopped && (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-500">
          Stopped. The tutor still finishes this answer and saves it in the chat.
          {onShowFull && (
            <button type="button" className="font-medium text-indigo-600 hover:underline" onClick={onShowFull}>
              Show the whole answer
            </button>
          )}
        </p>
      )}
      {!streaming && <AnswerSources text={text} citations={citations} />}
    </article>
  );
}

interface ComposerProps {
  draft: string;
  setDraft: (d: string) => void;
  busy: boolean;
  tooLong: boolean;
  onSend: () => void;
  onStop: () => void;
  focus: TutorFocus;
}

function Composer({ draft, setDraft, busy, tooLong, onSend, onStop, focus }: ComposerProps) {
  const id = useId();
  const length = draft.trim().length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSend();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter is a new line (and composing IME text is left alone).
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      onSend();
    }
  };
  return (
    <form aria-label="Ask the tutor" onSubmit={submit} className="border-t border-slate-100 p-3 sm:p-4">
      <label htmlFor={`${id}-q`} className="sr-only">
        Your question
      </label>
      <textarea
        id={`${id}-q`}
        rows={2}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={focus.lessonTitle ? `Ask about "${focus.lessonTitle}"…` : 'Ask a question about your courses…'}
        aria-invalid={tooLong || undefined}
        aria-describedby={`${id}-hint`}
        className="field-input resize-y"
      />
      <div className="mt-2 flex items-center gap-3">
        <p
          id={`${id}-hint`}
          className={`flex-1 text-xs ${tooLong || length > AI_MAX_MESSAGE_CHARS ? 'text-red-600' : 'text-slate-500'}`}
        >
          {tooLong
            ? `A message can be at most ${AI_MAX_MESSAGE_CHARS} characters: split it into shorter ones (${length} now).`
            : length > AI_MAX_MESSAGE_CHARS - 500
              ? `${length} / ${AI_MAX_MESSAGE_CHARS} characters`
              : 'Enter to send, Shift+Enter for a new line.'}
        </p>
        {busy ? (
          <button type="button" className="btn-secondary" onClick={onStop}>
            Stop
          </button>
        ) : (
          <button type="submit" className="btn-primary" disabled={length === 0}>
            Send
          </button>
        )}
      </div>
    </form>
  );
}

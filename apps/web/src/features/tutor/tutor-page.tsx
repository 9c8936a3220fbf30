import { ErrorState, Skeleton, Spinner, trpcErrorCode, useTRPC } from '@learningpt/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { generateId } from 'ai';
import { useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AssistantMessage, TutorChat, UserMessage, type TutorFocus } from './tutor-chat';
import { toUIMessages } from './tutor-chat-model';
import { TutorSessions, type SessionChoice } from './tutor-sessions';
import { TutorUsage } from './tutor-usage';

/** How often a session whose answer is still being written is asked again. */
const STREAMING_POLL_MS = 1500;

/**
 * /tutor?session=&program=&lesson= — the AI tutor: the learner's chats, the program (and lesson)
 * in focus, the conversation with its streaming answer, and today's usage.
 */
export function TutorPage() {
  const [params, setParams] = useSearchParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessionParam = params.get('session') ?? undefined;
  const programId = params.get('program') ?? undefined;
  const lessonId = params.get('lesson') ?? undefined;
  // The chat started on this page: it stays mounted when it learns its session id.
  const [live, setLive] = useState<{ key: string; sessionId?: string }>(() => ({ key: generateId() }));
  const [reloads, setReloads] = useState(0);
  const showLive = !sessionParam || sessionParam === live.sessionId;

  const program = useQuery({ ...trpc.programs.byId.queryOptions({ id: programId ?? '' }), enabled: !!programId });
  const lessons = useQuery({
    ...trpc.programs.lessons.queryOptions({ id: programId ?? '' }),
    enabled: !!programId && !!lessonId,
  });
  const lessonTitle = lessons.data?.sections.flatMap((s) => s.lessons).find((l) => l.id === lessonId)?.title;
  const focus: TutorFocus = {
    programId,
    lessonId,
    programTitle: program.data?.program.title,
    programSlug: program.data?.program.slug,
    lessonTitle,
  };

  const go = (next: { session?: string | null; program?: string | null; lesson?: string | null }, replace = false) => {
    const p = new URLSearchParams();
    const pick = (k: keyof typeof next, current: string | undefined) => (k in next ? next[k] : current);
    const s = pick('session', sessionParam);
    const pr = pick('program', programId);
    const l = pick('lesson', lessonId);
    if (s) p.set('session', s);
    if (pr) p.set('program', pr);
    if (l) p.set('lesson', l);
    setParams(p, { replace });
  };
  const newChat = () => {
    setLive({ key: generateId() });
    go({ session: null, lesson: null });
  };
  const select = (s: SessionChoice) => {
    if (s.id === sessionParam) return;
    setLive({ key: generateId() });
    go({ session: s.id, program: s.programId, lesson: s.lessonId });
  };
  const reload = (sessionId: string) => {
    setLive({ key: generateId() });
    setReloads((n) => n + 1);
    go({ session: sessionId });
  };
  const settled = () => {
    void queryClient.invalidateQueries(trpc.ai.usage.pathFilter());
    void queryClient.invalidateQueries(trpc.ai.sessions.pathFilter());
  };

  return (
    <div className="mx-auto grid max-w-7xl gap-6 px-4 py-8 sm:px-6 lg:grid-cols-[18rem_1fr] lg:px-8">
      <title>AI tutor · LearninGPT</title>
      <aside className="lg:sticky lg:top-24 lg:self-start">
        <TutorSessions
          activeId={sessionParam}
          onSelect={select}
          onNew={newChat}
          onDeleted={(id) => id === sessionParam && newChat()}
        />
      </aside>
      <section aria-labelledby="tutor-title" className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 id="tutor-title" className="text-2xl font-bold tracking-tight text-slate-900">
              AI tutor
            </h1>
            <p className="mt-1 text-sm text-slate-600">Questions about your programs, answered from their lessons.</p>
          </div>
          <TutorUsage />
        </div>
        <FocusBar
          programId={programId}
          programTitle={focus.programTitle}
          lessonTitle={lessonId ? (lessonTitle ?? (lessons.isFetching ? 'Loading…' : 'a lesson')) : undefined}
          onProgram={(id) => go({ program: id, lesson: null })}
          onClearLesson={() => go({ lesson: null })}
        />
        {showLive ? (
          <TutorChat
            key={live.key}
            chatId={live.key}
            sessionId={live.sessionId}
            initialMessages={[]}
            focus={focus}
            onSession={(id) => {
              setLive((l) => ({ ...l, sessionId: id }));
              go({ session: id }, true);
            }}
            onSettled={settled}
            onReload={reload}
          />
        ) : (
          <SessionChat
            key={`${sessionParam}:${reloads}`}
            sessionId={sessionParam}
            focus={focus}
            onSettled={settled}
            onReload={reload}
            onNew={newChat}
          />
        )}
      </section>
    </div>
  );
}

interface FocusBarProps {
  programId: string | undefined;
  programTitle: string | undefined;
  lessonTitle: string | undefined;
  onProgram: (id: string | null) => void;
  onClearLesson: () => void;
}

/** The optional program in focus (one of the learner's enrolled programs) and the lesson, if any. */
function FocusBar({ programId, programTitle, lessonTitle, onProgram, onClearLesson }: FocusBarProps) {
  const trpc = useTRPC();
  const id = useId();
  const enrolled = useQuery(trpc.users.enrolledPrograms.queryOptions({ page: 1, limit: 100 }));
  const options = useMemo(() => {
    const list = (enrolled.data?.programs ?? [])
      .filter((p) => p.status !== 'cancelled')
      .map((p) => ({ id: p.id, title: p.title }));
    // A program opened from a lesson the learner is not enrolled in (the tutor says what access it needs).
    if (programId && !list.some((p) => p.id === programId)) list.unshift({ id: programId, title: programTitle ?? '…' });
    return list;
  }, [enrolled.data, programId, programTitle]);

  return (
    <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3">
      <label htmlFor={`${id}-program`} className="text-sm font-medium text-slate-700">
        Program
      </label>
      <select
        id={`${id}-program`}
        value={programId ?? ''}
        onChange={(e) => onProgram(e.target.value || null)}
        disabled={enrolled.isPending}
        className="field-input !w-auto max-w-xs"
      >
        <option value="">All my programs</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      {enrolled.isError && <span className="text-xs text-red-700">Your programs could not be loaded.</span>}
      {lessonTitle && (
        <span className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pl-3 pr-1 text-sm text-indigo-800">
          <span>
            Lesson in focus: <span className="font-medium">{lessonTitle}</span>
          </span>
          <button
            type="button"
            onClick={onClearLesson}
            aria-label="Stop focusing on this lesson"
            className="rounded-full px-2 text-indigo-600 hover:bg-indigo-100"
          >
            ×
          </button>
        </span>
      )}
    </div>
  );
}

interface SessionChatProps {
  sessionId: string;
  focus: TutorFocus;
  onSettled: () => void;
  onReload: (sessionId: string) => void;
  onNew: () => void;
}

/**
 * A saved session: loaded fresh; while its last answer is still being written (a reload
 * mid-answer) it shows the text so far and asks again until the answer is complete.
 */
function SessionChat({ sessionId, focus, onSettled, onReload, onNew }: SessionChatProps) {
  const trpc = useTRPC();
  const session = useQuery({
    ...trpc.ai.session.queryOptions({ sessionId }),
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchInterval: (q) =>
      q.state.data?.session.messages.some((m) => m.status === 'streaming') ? STREAMING_POLL_MS : false,
  });
  const data = session.isFetchedAfterMount ? session.data : undefined;
  const initial = useMemo(() => (data ? toUIMessages(data.session.id, data.session.messages) : []), [data]);
  const failedIds = useMemo(
    () => new Set(data?.session.messages.filter((m) => m.status === 'failed').map((m) => m.id)),
    [data],
  );

  if (session.isError && !data) {
    if (trpcErrorCode(session.error) === 'NOT_FOUND') {
      return (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <h2 className="text-lg font-semibold text-slate-900">This chat no longer exists</h2>
          <p className="mt-1 text-sm text-slate-600">It may have been deleted.</p>
          <button type="button" className="btn-primary mt-6" onClick={onNew}>
            Start a new chat
          </button>
        </div>
      );
    }
    return (
      <ErrorState title="We couldn't load this chat" error={session.error} onRetry={() => void session.refetch()} />
    );
  }
  if (!data) {
    return (
      <div
        aria-busy="true"
        aria-label="Loading the chat"
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-6"
      >
        <Skeleton className="ml-auto h-10 w-1/2 rounded-2xl" />
        <Skeleton className="h-24 w-4/5 rounded-2xl" />
      </div>
    );
  }
  const writing = data.session.messages.some((m) => m.status === 'streaming');
  if (writing) {
    // Read-only until the answer is saved whole; then the chat opens for the next question.
    return (
      <div className="rounded-xl border border-slate-200 bg-white px-4 py-6 sm:px-6">
        <ol aria-label="Conversation" className="space-y-5">
          {initial.map((m) => (
            <li key={m.id}>
              {m.role === 'user' ? (
                <UserMessage text={m.parts.map((p) => (p.type === 'text' ? p.text : '')).join('')} />
              ) : (
                <AssistantMessage
                  message={m}
                  streaming={data.session.messages.find((x) => x.id === m.id)?.status === 'streaming'}
                  failed={failedIds.has(m.id)}
                  stopped={false}
                />
              )}
            </li>
          ))}
        </ol>
        <p className="mt-4 flex items-center gap-2 text-sm text-slate-500">
          <Spinner label="The tutor is still writing this answer" className="size-4" />
          <span aria-hidden="true">The tutor is still writing this answer…</span>
        </p>
      </div>
    );
  }
  return (
    <TutorChat
      chatId={sessionId}
      sessionId={sessionId}
      initialMessages={initial}
      failedIds={failedIds}
      focus={focus}
      onSession={() => {}}
      onSettled={onSettled}
      onReload={onReload}
    />
  );
}

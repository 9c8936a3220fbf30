import { Dialog, errorMessage, ErrorState, FormAlert, Skeleton, useTRPC } from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';

const SESSIONS_SHOWN = 50;

export interface SessionChoice {
  id: string;
  programId: string | null;
  lessonId: string | null;
}

interface TutorSessionsProps {
  activeId: string | undefined;
  onSelect: (session: SessionChoice) => void;
  onNew: () => void;
  /** After a delete: the page starts a new chat when the open one was deleted. */
  onDeleted: (id: string) => void;
}

/** The learner's tutor chats, newest first: open one, delete one (confirmed), or start a new one. */
export function TutorSessions({ activeId, onSelect, onNew, onDeleted }: TutorSessionsProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.ai.sessions.queryOptions({ page: 1, limit: SESSIONS_SHOWN }));
  const [confirm, setConfirm] = useState<{ id: string; title: string } | null>(null);
  const remove = useMutation(
    trpc.ai.deleteSession.mutationOptions({
      onSuccess: async (_data, { sessionId }) => {
        setConfirm(null);
        onDeleted(sessionId);
        queryClient.removeQueries(trpc.ai.session.queryFilter({ sessionId }));
        await queryClient.invalidateQueries(trpc.ai.sessions.pathFilter());
      },
    }),
  );
  const close = () => {
    setConfirm(null);
    remove.reset();
  };

  return (
    <section aria-labelledby="tutor-chats" className="rounded-xl border border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <h2 id="tutor-chats" className="text-sm font-semibold text-slate-900">
          Your chats
        </h2>
        <button type="button" className="btn-secondary !px-3 !py-1.5" onClick={onNew}>
          New chat
        </button>
      </div>
      {sessions.isPending ? (
        <ul aria-busy="true" aria-label="Loading your chats" className="space-y-2 p-3">
          {Array.from({ length: 4 }, (_, i) => (
            <li key={i}>
              <Skeleton className="h-12 rounded-lg" />
            </li>
          ))}
        </ul>
      ) : sessions.isError ? (
        <div className="p-3">
          <ErrorState
            title="We couldn't load your chats"
            error={sessions.error}
            onRetry={() => void sessions.refetch()}
          />
        </div>
      ) : sessions.data.sessions.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">No chats yet. Your conversations with the tutor appear here.</p>
      ) : (
        <>
          <ul aria-label="Chats" className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto">
            {sessions.data.sessions.map((s) => {
              const active = s.id === activeId;
              return (
                <li
                  key={s.id}
                  className={`group flex items-start gap-1 ${active ? 'bg-indigo-50' : 'hover:bg-slate-50'}`}
                >
                  <button
                    type="button"
                    aria-current={active ? 'true' : undefined}
                    onClick={() => onSelect({ id: s.id, programId: s.programId, lessonId: s.lessonId })}
                    className="min-w-0 flex-1 px-4 py-2.5 text-left"
                  >
                    <span
                      className={`block truncate text-sm ${active ? 'font-semibold text-indigo-800' : 'font-medium text-slate-800'}`}
                    >
                      {s.title}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {formatDateTime(s.lastMessageAt)} · {s.messageCount}{' '}
                      {s.messageCount === 1 ? 'message' : 'messages'}
                    </span>
                  </button>
                  <button
                    type="button"
                    onClick={() => setConfirm({ id: s.id, title: s.title })}
                    aria-label={`Delete chat "${s.title}"`}
                    className="m-1.5 rounded-md px-2 py-1 text-xs font-medium text-slate-500 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
                  >
                    Delete
                  </button>
                </li>
              );
            })}
          </ul>
          {sessions.data.pagination.total > sessions.data.sessions.length && (
            <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
              Showing your {sessions.data.sessions.length} most recent chats.
            </p>
          )}
        </>
      )}
      <Dialog open={confirm !== null} title="Delete this chat?" busy={remove.isPending} onClose={close}>
        <p className="text-sm text-slate-600">
          “{confirm?.title}” and all its messages will be deleted. This cannot be undone.
        </p>
        {remove.isError && (
          <FormAlert tone="error" className="mt-4">
            {errorMessage(remove.error)}
          </FormAlert>
        )}
        <div className="mt-6 flex justify-end gap-3">
          <button type="button" className="btn-secondary" onClick={close} disabled={remove.isPending}>
            Cancel
          </button>
          <button
            type="button"
            className="btn-primary !bg-red-600 hover:!bg-red-500"
            disabled={remove.isPending}
            onClick={() => confirm && remove.mutate({ sessionId: confirm.id })}
          >
            {remove.isPending ? 'Deleting…' : 'Delete chat'}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

import type { ProgramLessonsOutput, ProgramStatus } from '@learningpt/schema';
import { AlertIcon, CheckIcon, errorMessage, FormAlert, useSession, useTRPC } from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from './confirm-dialog';
import { EditorCard } from './editor-card';
import { useEditorProgram, useProgramRefresh } from './editor-context';

const STATUS_TEXT: Record<ProgramStatus, { label: string; tone: string; help: string }> = {
  draft: {
    label: 'Draft',
    tone: 'bg-slate-100 text-slate-700 ring-slate-500/20',
    help: 'Only you (and admins) can see it. Publish it to list it in the catalog.',
  },
  published: {
    label: 'Published',
    tone: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
    help: 'It is listed in the catalog and anyone can enroll.',
  },
  archived: {
    label: 'Archived',
    tone: 'bg-amber-50 text-amber-800 ring-amber-600/20',
    help: 'It is hidden from the catalog; enrolled learners keep their access.',
  },
};

interface CheckItem {
  label: string;
  done: boolean;
  /** Required items block publishing; the others are advice. */
  required: boolean;
}

export function PublishCard({ curriculum }: { curriculum: ProgramLessonsOutput }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const session = useSession();
  const { program } = useEditorProgram();
  const { setProgram, refresh } = useProgramRefresh();
  const [confirm, setConfirm] = useState<'archive' | 'delete' | null>(null);
  const isAdmin = session.user?.role === 'admin';

  const setStatus = useMutation(
    trpc.programs.setStatus.mutationOptions({
      onSuccess: (data) => {
        setProgram(data.program);
        setConfirm(null);
        void refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.programs.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.instructors.myPrograms.pathKey() });
        queryClient.removeQueries({ queryKey: trpc.programs.byId.pathKey() });
        void navigate('/teach/programs', { replace: true });
      },
    }),
  );

  const lessonsTotal = curriculum.lessonsTotal;
  const checklist: CheckItem[] = [
    { label: 'At least one lesson in the curriculum', done: lessonsTotal > 0, required: true },
    { label: 'A description of at least 10 characters', done: program.description.trim().length >= 10, required: true },
    { label: 'An overview written', done: program.overview.trim() !== '', required: false },
    { label: 'A thumbnail', done: program.thumbnail !== null, required: false },
    {
      label: 'What learners will learn (learning outcomes)',
      done: program.learningOutcomes.length > 0,
      required: false,
    },
    { label: 'Prices set (all 0 means the program is free)', done: true, required: false },
  ];
  const blocked = checklist.some((c) => c.required && !c.done);
  const status = STATUS_TEXT[program.status];
  const catalogPath = `/programs/${encodeURIComponent(program.slug)}`;

  return (
    <EditorCard id="publish" title="Publish" description={status.help}>
      <div className="space-y-5">
        <p className="flex items-center gap-2 text-sm text-slate-700">
          Status:
          <span
            data-testid="program-status"
            className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${status.tone}`}
          >
            {status.label}
          </span>
          {program.status === 'published' && (
            <Link to={catalogPath} className="ml-2 font-medium text-indigo-600 hover:underline">
              View in catalog
            </Link>
          )}
        </p>

        {program.status === 'draft' && (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Before you publish</h3>
            <ul className="mt-2 space-y-1.5" aria-label="Publishing checklist">
              {checklist.map((item) => (
                <li key={item.label} className="flex items-start gap-2 text-sm">
                  {item.done ? (
                    <CheckIcon className="mt-0.5 size-4 shrink-0 text-emerald-600" />
                  ) : (
                    <AlertIcon
                      className={`mt-0.5 size-4 shrink-0 ${item.required ? 'text-red-500' : 'text-amber-500'}`}
                    />
                  )}
                  <span className={item.done ? 'text-slate-700' : 'text-slate-900'}>
                    {item.label}
                    <span className="sr-only">{item.done ? ' (done)' : ' (not done)'}</span>
                    {!item.done && (
                      <span className="text-xs text-slate-500">{item.required ? ' — required' : ' — recommended'}</span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}

        <div aria-live="polite">
          {setStatus.isSuccess && !setStatus.isPending && (
            <FormAlert tone="success">
              {program.status === 'published'
                ? 'The program is published and listed in the catalog.'
                : program.status === 'archived'
                  ? 'The program is archived: it is no longer listed in the catalog.'
                  : 'The program is a draft again.'}
            </FormAlert>
          )}
          {setStatus.isError && confirm === null && <FormAlert tone="error">{errorMessage(setStatus.error)}</FormAlert>}
        </div>

        <div className="flex flex-wrap gap-2">
          {program.status === 'draft' && (
            <button
              type="button"
              className="btn-primary"
              disabled={setStatus.isPending || blocked}
              aria-describedby={blocked ? 'publish-blocked' : undefined}
              onClick={() => setStatus.mutate({ id: program.id, status: 'published' })}
            >
              {setStatus.isPending ? 'Publishing…' : 'Publish program'}
            </button>
          )}
          {program.status === 'archived' && isAdmin && (
            <button
              type="button"
              className="btn-primary"
              disabled={setStatus.isPending}
              onClick={() => setStatus.mutate({ id: program.id, status: 'published' })}
            >
              {setStatus.isPending ? 'Publishing…' : 'Re-publish program'}
            </button>
          )}
          {program.status !== 'archived' && (
            <button
              type="button"
              className="btn-secondary"
              disabled={setStatus.isPending}
              onClick={() => {
                setStatus.reset();
                setConfirm('archive');
              }}
            >
              Archive program
            </button>
          )}
        </div>
        {program.status === 'draft' && blocked && (
          <p id="publish-blocked" className="text-sm text-slate-600">
            Complete the required items above to publish.
          </p>
        )}
        {program.status === 'archived' && !isAdmin && (
          <p className="text-sm text-slate-600">
            An archived program can only be re-published by an admin. Contact support if you want it back in the
            catalog.
          </p>
        )}

        <div className="border-t border-red-100 pt-5">
          <h3 className="text-sm font-semibold text-red-700">Delete program</h3>
          <p className="mt-1 text-sm text-slate-600">
            It leaves the catalog and your programs at once. Learners already enrolled keep their access.
          </p>
          <button
            type="button"
            className="mt-3 rounded-lg border border-red-200 px-3.5 py-2 text-sm font-medium text-red-700 hover:bg-red-50"
            onClick={() => {
              remove.reset();
              setConfirm('delete');
            }}
          >
            Delete program
          </button>
        </div>
      </div>

      <ConfirmDialog
        open={confirm === 'archive'}
        title="Archive this program?"
        confirmLabel="Archive"
        busyLabel="Archiving…"
        busy={setStatus.isPending}
        error={setStatus.error}
        onClose={() => setConfirm(null)}
        onConfirm={() => setStatus.mutate({ id: program.id, status: 'archived' })}
        danger={false}
      >
        <p>
          “{program.title}” will no longer be listed in the catalog and nobody new can enroll. Enrolled learners keep
          their access. {isAdmin ? '' : 'Only an admin can re-publish it afterwards.'}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title="Delete this program?"
        confirmLabel="Delete program"
        busyLabel="Deleting…"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => setConfirm(null)}
        onConfirm={() => remove.mutate({ id: program.id })}
      >
        <p>
          “{program.title}” will be removed from the catalog and from your programs. Learners already enrolled keep
          their access. You cannot undo this yourself.
        </p>
      </ConfirmDialog>
    </EditorCard>
  );
}

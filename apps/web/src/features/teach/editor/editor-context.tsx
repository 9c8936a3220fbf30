import type { ProgramDetail } from '@learningpt/schema';
import { useTRPC } from '@learningpt/ui';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';

interface EditorContextValue {
  /** The `:id` of the route (what the byId query was asked with). */
  routeId: string;
  program: ProgramDetail;
}

const EditorContext = createContext<EditorContextValue | null>(null);

export function EditorProvider({ value, children }: { value: EditorContextValue; children: ReactNode }) {
  return <EditorContext value={value}>{children}</EditorContext>;
}

export function useEditorProgram(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditorProgram() outside the program editor');
  return value;
}

/**
 * What to do after a write: keep the program the server answered with (it is what it stored:
 * sanitised HTML, normalised prices), then refetch it and the lists that show it.
 */
export function useProgramRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { routeId, program } = useEditorProgram();
  const programId = program.id;

  const setProgram = useCallback(
    (next: ProgramDetail) => {
      queryClient.setQueryData(trpc.programs.byId.queryKey({ id: routeId }), (old) =>
        old ? { ...old, program: next } : old,
      );
    },
    [queryClient, trpc, routeId],
  );

  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.programs.byId.queryKey({ id: routeId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.programs.lessons.queryKey({ id: programId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.instructors.myPrograms.pathKey() }),
      ]),
    [queryClient, trpc, routeId, programId],
  );

  return { setProgram, refresh };
}

/** Asks before leaving the page (reload, close, another site) while `dirty`. */
export function useWarnBeforeUnload(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}

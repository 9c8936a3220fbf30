import { errorMessage, trpcErrorCode, useTRPC } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

export type Answers = Record<string, string[]>;
export type SaveState = { status: 'idle' | 'pending' | 'saving' | 'saved' } | { status: 'error'; message: string };

const DEBOUNCE_MS = 800;

/**
 * Saves changed answers of an open attempt a moment after the student stops changing them, one
 * request at a time; answers changed while a save is in flight go in the next one. A failed save
 * keeps its answers marked unsaved for the next try (a retry, or the next change).
 */
export function useAutosave({
  quizId,
  attemptId,
  answers,
  onTimeLeft,
  onRefused,
}: {
  quizId: string;
  attemptId: string;
  answers: Answers;
  /** The server's seconds left, as each save answers it. */
  onTimeLeft: (seconds: number | null) => void;
  /** The server will take no more answers: CONFLICT (already submitted), UNPROCESSABLE (time is up). */
  onRefused: (code: 'CONFLICT' | 'UNPROCESSABLE') => void;
}) {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.quizzes.saveAnswers.mutationOptions());
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  // Bumped by each change (and a retry): the effect below waits for a pause, then saves.
  const [changes, setChanges] = useState(0);
  const [saving, setSaving] = useState(false);
  const [stopped, setStopped] = useState(false);
  const dirty = useRef(new Set<string>());
  const latest = useRef(answers);
  const onTimeLeftRef = useRef(onTimeLeft);
  const onRefusedRef = useRef(onRefused);
  useEffect(() => {
    latest.current = answers;
    onTimeLeftRef.current = onTimeLeft;
    onRefusedRef.current = onRefused;
  });

  useEffect(() => {
    if (saving || stopped || dirty.current.size === 0) return;
    const timer = setTimeout(() => {
      const ids = [...dirty.current];
      dirty.current.clear();
      setSaving(true);
      setState({ status: 'saving' });
      mutateAsync({
        id: quizId,
        attemptId,
        answers: ids.map((questionId) => ({ questionId, selectedAnswers: latest.current[questionId] ?? [] })),
      }).then(
        (res) => {
          onTimeLeftRef.current(res.timeLeftSeconds);
          setState({ status: dirty.current.size > 0 ? 'pending' : 'saved' });
          setSaving(false);
        },
        (err: unknown) => {
          for (const id of ids) dirty.current.add(id);
          setState({ status: 'error', message: errorMessage(err) });
          setSaving(false);
          const code = trpcErrorCode(err);
          if (code === 'CONFLICT' || code === 'UNPROCESSABLE') onRefusedRef.current(code);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // After a failed save, wait for a change or a retry instead of trying again at once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changes, stopped, mutateAsync, quizId, attemptId]);

  // Once a save in flight comes back, save what changed meanwhile.
  useEffect(() => {
    if (!saving && dirty.current.size > 0 && state.status === 'pending') setChanges((c) => c + 1);
  }, [saving, state.status]);

  /** Marks a question's answer changed and schedules a save. */
  const changed = useCallback(
    (questionId: string) => {
      if (stopped) return;
      dirty.current.add(questionId);
      setState((s) => (s.status === 'saving' ? s : { status: 'pending' }));
      setChanges((c) => c + 1);
    },
    [stopped],
  );

  // Leaving with unsaved answers: let the browser ask first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!stopped && (dirty.current.size > 0 || saving)) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [stopped, saving]);

  return {
    state,
    changed,
    retry: () => setChanges((c) => c + 1),
    /** No more saves: the attempt is being submitted, and submit carries every answer itself. */
    stop: () => setStopped(true),
  };
}

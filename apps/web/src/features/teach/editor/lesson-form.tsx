import { ZLessonCreateInput, ZLessonUpdateInput, type LessonOutline } from '@learningpt/schema';
import {
  errorMessage,
  FormAlert,
  serverFieldErrors,
  TextField,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useEditorProgram, useProgramRefresh, useWarnBeforeUnload } from './editor-context';
import { RichTextField } from './rich-text-field';

interface Values {
  title: string;
  durationMinutes: string;
  isPreview: boolean;
  content: string;
}

function valuesFrom(lesson: LessonOutline | undefined): Values {
  return {
    title: lesson?.title ?? '',
    durationMinutes: lesson ? String(lesson.durationMinutes) : '',
    isPreview: lesson?.isPreview ?? false,
    content: lesson?.content ?? '',
  };
}

/** "" → 0; a whole number → itself; anything else → NaN (refused with a message). */
function parseMinutes(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/** Adds a lesson to a section, or edits one (only the changed fields are sent). */
export function LessonForm({
  sectionId,
  lesson,
  onDone,
}: {
  sectionId: string;
  lesson?: LessonOutline;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const { program } = useEditorProgram();
  const { refresh } = useProgramRefresh();
  const [values, setValues] = useState(() => valuesFrom(lesson));
  const [errors, setErrors] = useState<FieldErrors>({});
  const initial = valuesFrom(lesson);
  const dirty = (Object.keys(values) as (keyof Values)[]).some((k) => values[k] !== initial[k]);
  useWarnBeforeUnload(dirty);

  const done = async () => {
    await refresh();
    onDone();
  };
  const onError = (err: unknown) => setErrors(serverFieldErrors(err));
  const create = useMutation(trpc.programs.createLesson.mutationOptions({ onSuccess: done, onError }));
  const update = useMutation(trpc.programs.updateLesson.mutationOptions({ onSuccess: done, onError }));
  const save = lesson ? update : create;

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const minutes = parseMinutes(values.durationMinutes);
    if (Number.isNaN(minutes)) return setErrors({ durationMinutes: 'durationMinutes is a whole number' });
    if (lesson) {
      const input = {
        id: program.id,
        lessonId: lesson.id,
        ...(values.title !== initial.title && { title: values.title }),
        ...(minutes !== lesson.durationMinutes && { durationMinutes: minutes }),
        ...(values.isPreview !== initial.isPreview && { isPreview: values.isPreview }),
        ...(values.content !== initial.content && { content: values.content }),
      };
      const result = validate(ZLessonUpdateInput, input);
      if (!result.ok) return setErrors(result.errors);
      setErrors({});
      if (Object.keys(input).length === 2) return onDone();
      update.mutate(input);
    } else {
      const input = {
        id: program.id,
        sectionId,
        title: values.title,
        durationMinutes: minutes,
        isPreview: values.isPreview,
        content: values.content,
      };
      const result = validate(ZLessonCreateInput, input);
      if (!result.ok) return setErrors(result.errors);
      setErrors({});
      create.mutate(input);
    }
  }

  const busy = save.isPending;
  const formError = save.isError && Object.keys(serverFieldErrors(save.error)).length === 0;
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={lesson ? `Edit lesson “${lesson.title}”` : 'New lesson'}
      aria-busy={busy}
      className="space-y-4 rounded-xl border border-indigo-100 bg-indigo-50/30 p-4"
    >
      <fieldset disabled={busy} className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">{lesson ? 'Edit lesson' : 'New lesson'}</legend>
        <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
          <TextField
            label="Lesson title"
            value={values.title}
            maxLength={200}
            onChange={(e) => set('title', e.target.value)}
            error={errors.title}
            required
            autoFocus
          />
          <TextField
            label="Duration (minutes)"
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            step={1}
            value={values.durationMinutes}
            onChange={(e) => set('durationMinutes', e.target.value)}
            error={errors.durationMinutes}
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-300 text-indigo-600"
            checked={values.isPreview}
            onChange={(e) => set('isPreview', e.target.checked)}
          />
          Free preview (anyone who can see the program can read this lesson)
        </label>
      </fieldset>
      <RichTextField
        label="Lesson content"
        content={values.content}
        onChange={(html) => set('content', html)}
        disabled={busy}
        error={errors.content}
      />
      <div aria-live="polite">{formError && <FormAlert tone="error">{errorMessage(save.error)}</FormAlert>}</div>
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? 'Saving…' : lesson ? 'Save lesson' : 'Add lesson'}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

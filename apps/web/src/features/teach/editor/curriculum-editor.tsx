import type { ProgramLessonsOutput } from '@learningpt/schema';
import { errorMessage, FormAlert, serverFieldErrors, TextField, useTRPC, type FieldErrors } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { plural } from '../../../lib/format';
import { ConfirmDialog } from './confirm-dialog';
import { EditorCard } from './editor-card';
import { useEditorProgram, useProgramRefresh } from './editor-context';
import { LessonForm } from './lesson-form';

type Section = ProgramLessonsOutput['sections'][number];
type Lesson = Section['lessons'][number];

/** Which form is open: one at a time, so the page never holds two unsaved lesson drafts. */
type Editing = { kind: 'new-lesson'; sectionId: string } | { kind: 'lesson'; lessonId: string } | null;

type Pending = { kind: 'section'; section: Section } | { kind: 'lesson'; lesson: Lesson; sectionTitle: string } | null;

/** Moves the item at `index` one place up (-1) or down (+1). */
function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item!);
  return next;
}

export function CurriculumEditor({ curriculum }: { curriculum: ProgramLessonsOutput }) {
  const trpc = useTRPC();
  const { program } = useEditorProgram();
  const { refresh } = useProgramRefresh();
  const [editing, setEditing] = useState<Editing>(null);
  const [pending, setPending] = useState<Pending>(null);
  const onSuccess = () => void refresh();

  const reorderSections = useMutation(trpc.programs.sections.reorder.mutationOptions({ onSuccess }));
  const reorderLessons = useMutation(trpc.programs.reorderLessons.mutationOptions({ onSuccess }));
  const deleteSection = useMutation(
    trpc.programs.sections.delete.mutationOptions({
      onSuccess: () => {
        setPending(null);
        onSuccess();
      },
    }),
  );
  const deleteLesson = useMutation(
    trpc.programs.deleteLesson.mutationOptions({
      onSuccess: () => {
        setPending(null);
        onSuccess();
      },
    }),
  );
  const moving = reorderSections.isPending || reorderLessons.isPending;
  const moveError = reorderSections.error ?? reorderLessons.error;
  const { sections } = curriculum;

  function moveSection(index: number, by: -1 | 1) {
    reorderLessons.reset();
    reorderSections.mutate({ id: program.id, sectionIds: moved(sections, index, by).map((s) => s.id) });
  }

  function moveLesson(section: Section, index: number, by: -1 | 1) {
    reorderSections.reset();
    reorderLessons.mutate({
      id: program.id,
      sectionId: section.id,
      lessonIds: moved(section.lessons, index, by).map((l) => l.id),
    });
  }

  const deleting = pending?.kind === 'section' ? deleteSection : deleteLesson;

  return (
    <EditorCard
      id="curriculum"
      title="Curriculum"
      description={`Sections group lessons. ${plural(curriculum.lessonsTotal, 'lesson')} in ${plural(sections.length, 'section')}.`}
    >
      <div className="space-y-4" aria-busy={moving}>
        {sections.length === 0 && (
          <div className="rounded-xl border border-dashed border-slate-300 px-6 py-8 text-center">
            <p className="font-medium text-slate-900">No sections yet</p>
            <p className="mt-1 text-sm text-slate-600">Add a first section below, then its lessons.</p>
          </div>
        )}
        <div aria-live="polite">{moveError && <FormAlert tone="error">{errorMessage(moveError)}</FormAlert>}</div>
        {sections.map((section, si) => (
          <SectionItem
            key={section.id}
            section={section}
            index={si}
            count={sections.length}
            moving={moving}
            editing={editing}
            setEditing={setEditing}
            onMove={(by) => moveSection(si, by)}
            onMoveLesson={(li, by) => moveLesson(section, li, by)}
            onDelete={() => {
              deleteSection.reset();
              setPending({ kind: 'section', section });
            }}
            onDeleteLesson={(lesson) => {
              deleteLesson.reset();
              setPending({ kind: 'lesson', lesson, sectionTitle: section.title });
            }}
          />
        ))}
        <AddSectionForm />
      </div>

      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === 'section' ? 'Delete this section?' : 'Delete this lesson?'}
        confirmLabel={pending?.kind === 'section' ? 'Delete section' : 'Delete lesson'}
        busyLabel="Deleting…"
        busy={deleting.isPending}
        error={deleting.error}
        onClose={() => setPending(null)}
        onConfirm={() => {
          if (pending?.kind === 'section') {
            deleteSection.mutate({ id: program.id, sectionId: pending.section.id });
          } else if (pending?.kind === 'lesson') {
            deleteLesson.mutate({ id: program.id, lessonId: pending.lesson.id });
          }
        }}
      >
        {pending?.kind === 'section' && (
          <p>
            “{pending.section.title}” and its {plural(pending.section.lessons.length, 'lesson')} will be deleted, with
            the progress learners recorded on them. This cannot be undone.
          </p>
        )}
        {pending?.kind === 'lesson' && (
          <p>
            “{pending.lesson.title}” will be removed from “{pending.sectionTitle}”, with the progress learners recorded
            on it. This cannot be undone.
          </p>
        )}
      </ConfirmDialog>
    </EditorCard>
  );
}

interface SectionItemProps {
  section: Section;
  index: number;
  count: number;
  moving: boolean;
  editing: Editing;
  setEditing: (e: Editing) => void;
  onMove: (by: -1 | 1) => void;
  onMoveLesson: (index: number, by: -1 | 1) => void;
  onDelete: () => void;
  onDeleteLesson: (lesson: Lesson) => void;
}

function SectionItem({
  section,
  index,
  count,
  moving,
  editing,
  setEditing,
  onMove,
  onMoveLesson,
  onDelete,
  onDeleteLesson,
}: SectionItemProps) {
  const [renaming, setRenaming] = useState(false);
  const headingId = `section-${section.id}-heading`;
  const name = `section “${section.title}”`;
  const addingHere = editing?.kind === 'new-lesson' && editing.sectionId === section.id;

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-4 py-3">
        {renaming ? (
          <RenameSectionForm section={section} onDone={() => setRenaming(false)} />
        ) : (
          <>
            <h3 id={headingId} className="font-semibold text-slate-900">
              <span className="text-slate-500">Section {index + 1}:</span> {section.title}
            </h3>
            <div className="flex flex-wrap gap-1">
              <SmallButton label={`Rename ${name}`} onClick={() => setRenaming(true)}>
                Rename
              </SmallButton>
              <SmallButton label={`Move ${name} up`} disabled={moving || index === 0} onClick={() => onMove(-1)}>
                ↑
              </SmallButton>
              <SmallButton
                label={`Move ${name} down`}
                disabled={moving || index === count - 1}
                onClick={() => onMove(1)}
              >
                ↓
              </SmallButton>
              <SmallButton label={`Delete ${name}`} danger onClick={onDelete}>
                Delete
              </SmallButton>
            </div>
          </>
        )}
      </div>
      <div className="space-y-3 p-4">
        {section.lessons.length === 0 && !addingHere && (
          <p className="text-sm text-slate-500">No lessons in this section yet.</p>
        )}
        {section.lessons.length > 0 && (
          <ol className="divide-y divide-slate-100" aria-label={`Lessons of ${section.title}`}>
            {section.lessons.map((lesson, li) => {
              const editingThis = editing?.kind === 'lesson' && editing.lessonId === lesson.id;
              const lessonName = `lesson “${lesson.title}”`;
              return (
                <li key={lesson.id} className="py-2">
                  {editingThis ? (
                    <LessonForm sectionId={section.id} lesson={lesson} onDone={() => setEditing(null)} />
                  ) : (
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <div className="min-w-0">
                        <p className="font-medium text-slate-800">
                          {li + 1}. {lesson.title}
                        </p>
                        <p className="text-xs text-slate-500">
                          {lesson.durationMinutes > 0 ? `${lesson.durationMinutes} min` : 'No duration set'}
                          {lesson.isPreview && ' · Free preview'}
                          {lesson.content === '' && ' · No content yet'}
                        </p>
                      </div>
                      <div className="flex flex-wrap gap-1">
                        <SmallButton
                          label={`Edit ${lessonName}`}
                          onClick={() => setEditing({ kind: 'lesson', lessonId: lesson.id })}
                        >
                          Edit
                        </SmallButton>
                        <SmallButton
                          label={`Move ${lessonName} up`}
                          disabled={moving || li === 0}
                          onClick={() => onMoveLesson(li, -1)}
                        >
                          ↑
                        </SmallButton>
                        <SmallButton
                          label={`Move ${lessonName} down`}
                          disabled={moving || li === section.lessons.length - 1}
                          onClick={() => onMoveLesson(li, 1)}
                        >
                          ↓
                        </SmallButton>
                        <SmallButton label={`Delete ${lessonName}`} danger onClick={() => onDeleteLesson(lesson)}>
                          Delete
                        </SmallButton>
                      </div>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {addingHere ? (
          <LessonForm sectionId={section.id} onDone={() => setEditing(null)} />
        ) : (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => setEditing({ kind: 'new-lesson', sectionId: section.id })}
          >
            Add lesson
          </button>
        )}
      </div>
    </section>
  );
}

function RenameSectionForm({ section, onDone }: { section: Section; onDone: () => void }) {
  const trpc = useTRPC();
  const { program } = useEditorProgram();
  const { refresh } = useProgramRefresh();
  const [title, setTitle] = useState(section.title);
  const [errors, setErrors] = useState<FieldErrors>({});
  const rename = useMutation(
    trpc.programs.sections.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
      onError: (err) => setErrors(serverFieldErrors(err)),
    }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return setErrors({ title: 'title cannot be empty' });
    if (title.trim() === section.title) return onDone();
    rename.mutate({ id: program.id, sectionId: section.id, title });
  }
  const formError = rename.isError && Object.keys(serverFieldErrors(rename.error)).length === 0;
  return (
    <form onSubmit={submit} noValidate aria-label="Rename section" className="flex w-full flex-wrap items-end gap-2">
      <TextField
        label="Section title"
        className="min-w-48 flex-1"
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title}
        autoFocus
      />
      <button type="submit" className="btn-primary" disabled={rename.isPending}>
        {rename.isPending ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="btn-secondary" onClick={onDone} disabled={rename.isPending}>
        Cancel
      </button>
      {formError && <FormAlert tone="error">{errorMessage(rename.error)}</FormAlert>}
    </form>
  );
}

function AddSectionForm() {
  const trpc = useTRPC();
  const { program } = useEditorProgram();
  const { refresh } = useProgramRefresh();
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.programs.sections.create.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setTitle('');
      },
      onError: (err) => setErrors(serverFieldErrors(err)),
    }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return setErrors({ title: 'Give the section a title.' });
    setErrors({});
    create.mutate({ id: program.id, title });
  }
  const formError = create.isError && Object.keys(serverFieldErrors(create.error)).length === 0;
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Add a section"
      className="space-y-2 rounded-xl border border-slate-200 bg-slate-50/50 p-4"
    >
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label="New section title"
          placeholder="e.g. Getting started"
          className="min-w-48 flex-1"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title}
        />
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add section'}
        </button>
      </div>
      {formError && <FormAlert tone="error">{errorMessage(create.error)}</FormAlert>}
    </form>
  );
}

function SmallButton({
  label,
  onClick,
  disabled = false,
  danger = false,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className={`rounded-md border px-2.5 py-1 text-xs font-medium transition disabled:cursor-not-allowed disabled:opacity-40 ${
        danger
          ? 'border-red-200 text-red-700 hover:bg-red-50'
          : 'border-slate-200 bg-white text-slate-700 hover:bg-slate-100'
      }`}
    >
      {children}
    </button>
  );
}

import {
  PROGRAM_LEVELS,
  ZProgramUpdateInput,
  type ProgramDetail,
  type ProgramLevel,
  type ProgramUpdateInput,
} from '@learningpt/schema';
import {
  errorMessage,
  FormAlert,
  serverFieldErrors,
  TextAreaField,
  TextField,
  trpcErrorCode,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { LEVEL_LABELS } from '../../../lib/format';
import { CategorySelect } from './category-select';
import { EditableList } from './editable-list';
import { EditorCard, UnsavedBadge } from './editor-card';
import { useEditorProgram, useProgramRefresh, useWarnBeforeUnload } from './editor-context';

interface Values {
  title: string;
  slug: string;
  description: string;
  category: string;
  level: ProgramLevel;
  language: string;
  duration: string;
  prerequisites: string[];
  learningOutcomes: string[];
  features: string[];
  freeQuestionsCount: string;
}

function valuesFrom(p: ProgramDetail): Values {
  return {
    title: p.title,
    slug: p.slug,
    description: p.description,
    category: p.categorySlug,
    level: p.level,
    language: p.language,
    duration: p.duration ?? '',
    prerequisites: p.prerequisites,
    learningOutcomes: p.learningOutcomes,
    features: p.features,
    freeQuestionsCount: String(p.freeQuestionsCount),
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Only what differs from the stored program, so a save never overwrites someone else's change. */
function changesFrom(v: Values, p: ProgramDetail): Omit<ProgramUpdateInput, 'id'> {
  const changes: Omit<ProgramUpdateInput, 'id'> = {};
  if (v.title !== p.title) changes.title = v.title;
  if (v.slug !== p.slug) changes.slug = v.slug;
  if (v.description !== p.description) changes.description = v.description;
  if (v.category !== p.categorySlug) changes.category = v.category;
  if (v.level !== p.level) changes.level = v.level;
  if (v.language !== p.language) changes.language = v.language;
  if (v.duration !== (p.duration ?? '')) changes.duration = v.duration.trim() ? v.duration : null;
  if (!sameList(v.prerequisites, p.prerequisites)) changes.prerequisites = v.prerequisites;
  if (!sameList(v.learningOutcomes, p.learningOutcomes)) changes.learningOutcomes = v.learningOutcomes;
  if (!sameList(v.features, p.features)) changes.features = v.features;
  if (v.freeQuestionsCount !== String(p.freeQuestionsCount)) {
    changes.freeQuestionsCount = /^\d+$/.test(v.freeQuestionsCount.trim()) ? Number(v.freeQuestionsCount) : NaN;
  }
  return changes;
}

export function DetailsForm() {
  const trpc = useTRPC();
  const { program } = useEditorProgram();
  const { setProgram, refresh } = useProgramRefresh();
  const [values, setValues] = useState(() => valuesFrom(program));
  const [errors, setErrors] = useState<FieldErrors>({});
  const changes = changesFrom(values, program);
  const dirty = Object.keys(changes).length > 0;
  useWarnBeforeUnload(dirty);

  const save = useMutation(
    trpc.programs.update.mutationOptions({
      onSuccess: (data) => {
        setProgram(data.program);
        setValues(valuesFrom(data.program));
        void refresh();
      },
      onError: (err, input) => {
        const fields = serverFieldErrors(err, ['slug', 'category', 'title', 'description']);
        // A taken slug is a conflict, not a validation issue; it still belongs under the field.
        if (trpcErrorCode(err) === 'CONFLICT' && input.slug !== undefined) fields.slug ??= err.message;
        setErrors(fields);
      },
    }),
  );

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (save.isSuccess || save.isError) save.reset();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (Number.isNaN(changes.freeQuestionsCount)) {
      return setErrors({ freeQuestionsCount: 'freeQuestionsCount is a whole number' });
    }
    const input = { id: program.id, ...changes };
    const result = validate(ZProgramUpdateInput, input);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    if (!dirty) return;
    save.mutate(input);
  }

  const busy = save.isPending;
  const serverErrors = save.isError ? serverFieldErrors(save.error, ['slug', 'category', 'title', 'description']) : {};
  const formError = save.isError && Object.keys(serverErrors).length === 0 && !errors.slug;
  const slugChanged = values.slug !== program.slug;

  return (
    <EditorCard
      id="details"
      title="Details"
      description="What the catalog shows on the program's card and page."
      actions={<UnsavedBadge dirty={dirty} />}
    >
      <form onSubmit={submit} noValidate aria-busy={busy} aria-label="Program details" className="space-y-6">
        <fieldset disabled={busy} className="space-y-5">
          <legend className="sr-only">Program details</legend>
          <TextField
            label="Title"
            value={values.title}
            maxLength={200}
            onChange={(e) => set('title', e.target.value)}
            error={errors.title}
            required
          />
          <TextField
            label="Address (slug)"
            value={values.slug}
            maxLength={100}
            onChange={(e) => set('slug', e.target.value)}
            error={errors.slug}
            hint={
              slugChanged ? (
                <span className="font-medium text-amber-700">
                  Changing the address breaks old links to /programs/{program.slug} (bookmarks, shared links, search
                  results).
                </span>
              ) : (
                `The program's page is /programs/${program.slug}. Changing it breaks old links.`
              )
            }
          />
          <TextAreaField
            label="Short description"
            rows={3}
            maxLength={2000}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
            error={errors.description}
            hint={`${values.description.trim().length}/2000 · at least 10 characters`}
            required
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <CategorySelect
              value={values.category}
              current={{ slug: program.categorySlug, name: program.category }}
              onChange={(v) => set('category', v)}
              error={errors.category}
            />
            <div>
              <label htmlFor="program-level" className="field-label">
                Level
              </label>
              <select
                id="program-level"
                className="field-input"
                value={values.level}
                onChange={(e) => set('level', e.target.value as ProgramLevel)}
              >
                {PROGRAM_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_LABELS[l]}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              label="Language"
              value={values.language}
              maxLength={50}
              onChange={(e) => set('language', e.target.value)}
              error={errors.language}
            />
            <TextField
              label="Duration"
              placeholder="e.g. 8 weeks"
              value={values.duration}
              maxLength={100}
              onChange={(e) => set('duration', e.target.value)}
              error={errors.duration}
            />
            <TextField
              label="Free questions"
              type="number"
              inputMode="numeric"
              min={0}
              max={1000}
              step={1}
              value={values.freeQuestionsCount}
              onChange={(e) => set('freeQuestionsCount', e.target.value)}
              error={errors.freeQuestionsCount}
              hint="Exam questions anyone can try before buying."
            />
          </div>
          <EditableList
            label="Prerequisites"
            itemLabel="prerequisite"
            name="prerequisites"
            items={values.prerequisites}
            onChange={(v) => set('prerequisites', v)}
            errors={errors}
            hint="What learners should know before they start."
          />
          <EditableList
            label="Learning outcomes"
            itemLabel="learning outcome"
            name="learningOutcomes"
            items={values.learningOutcomes}
            onChange={(v) => set('learningOutcomes', v)}
            errors={errors}
            hint={`Shown as "What you'll learn".`}
          />
          <EditableList
            label="Features"
            itemLabel="feature"
            name="features"
            items={values.features}
            onChange={(v) => set('features', v)}
            errors={errors}
            hint="What the program includes (e.g. 120 practice questions)."
          />
        </fieldset>

        <div aria-live="polite">
          {save.isSuccess && !dirty && <FormAlert tone="success">The details have been saved.</FormAlert>}
          {formError && <FormAlert tone="error">{errorMessage(save.error)}</FormAlert>}
          {Object.keys(errors).length > 0 && !formError && (
            <FormAlert tone="error">Some fields need your attention.</FormAlert>
          )}
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={busy || !dirty}>
            {busy ? 'Saving…' : 'Save details'}
          </button>
          {dirty && !busy && (
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                setValues(valuesFrom(program));
                setErrors({});
                save.reset();
              }}
            >
              Discard changes
            </button>
          )}
        </div>
      </form>
    </EditorCard>
  );
}

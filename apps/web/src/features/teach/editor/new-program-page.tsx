import { PROGRAM_LEVELS, ZProgramCreateInput, type ProgramLevel } from '@learningpt/schema';
import {
  errorMessage,
  FormAlert,
  serverFieldErrors,
  TextAreaField,
  TextField,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { LEVEL_LABELS } from '../../../lib/format';
import { CategorySelect } from './category-select';

/** /teach/programs/new — the few fields a draft needs; everything else is in the editor. */
export function NewProgramPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [level, setLevel] = useState<ProgramLevel>('beginner');
  const [errors, setErrors] = useState<FieldErrors>({});

  const create = useMutation(
    trpc.programs.create.mutationOptions({
      onSuccess: async (data) => {
        await queryClient.invalidateQueries({ queryKey: trpc.instructors.myPrograms.pathKey() });
        void navigate(`/teach/programs/${data.program.id}`);
      },
      onError: (err) => setErrors(serverFieldErrors(err, ['category', 'title', 'description'])),
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = { title, description, category, level };
    const result = validate(ZProgramCreateInput, input);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    create.mutate(input);
  }

  const busy = create.isPending || create.isSuccess;
  const formError = create.isError && Object.keys(serverFieldErrors(create.error, ['category'])).length === 0;
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <title>New program · LearninGPT</title>
      <Link to="/teach/programs" className="text-sm font-medium text-indigo-600 hover:underline">
        ← My programs
      </Link>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">New program</h1>
      <p className="mt-1 text-sm text-slate-600">
        It starts as a draft that only you can see. You add the overview, prices, thumbnail and lessons next, then
        publish it.
      </p>
      <form
        onSubmit={submit}
        noValidate
        aria-busy={busy}
        aria-label="New program"
        className="mt-8 space-y-5 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
      >
        <fieldset disabled={busy} className="space-y-5">
          <legend className="sr-only">The program</legend>
          <TextField
            label="Title"
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            error={errors.title}
            required
          />
          <TextAreaField
            label="Short description"
            rows={3}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={errors.description}
            hint="One or two sentences for the catalog card (at least 10 characters)."
            required
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <CategorySelect value={category} onChange={setCategory} error={errors.category} />
            <div>
              <label htmlFor="new-program-level" className="field-label">
                Level
              </label>
              <select
                id="new-program-level"
                className="field-input"
                value={level}
                onChange={(e) => setLevel(e.target.value as ProgramLevel)}
              >
                {PROGRAM_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_LABELS[l]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <div aria-live="polite">
          {formError && <FormAlert tone="error">{errorMessage(create.error)}</FormAlert>}
          {Object.keys(errors).length > 0 && !formError && (
            <FormAlert tone="error">Some fields need your attention.</FormAlert>
          )}
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create draft'}
        </button>
      </form>
    </div>
  );
}

import { FAQ_STATUSES, ZFaqCreateInput, ZFaqUpdateInput, type Faq, type FaqStatus } from '@learningpt/schema';
import {
  Dialog,
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
import { useId, useState, type FormEvent } from 'react';

export type FaqAction = { kind: 'create' } | { kind: 'edit' | 'delete'; faq: Faq };

const TITLES = { create: 'New FAQ', edit: 'Edit FAQ', delete: 'Delete FAQ' } as const;
export const FAQ_STATUS_LABELS: Record<FaqStatus, string> = { draft: 'Draft', published: 'Published' };

export function useRefreshFaqs() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.faqs.pathFilter());
}

export function FaqDialog({
  action,
  categories,
  onClose,
  onDone,
}: {
  action: FaqAction | null;
  /** The categories in use, suggested in the form. */
  categories: string[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return (
    <Dialog open={action !== null} title={action ? TITLES[action.kind] : ''} onClose={onClose}>
      {action?.kind === 'delete' ? (
        <DeleteFaq key={action.faq.id} faq={action.faq} onClose={onClose} onDone={onDone} />
      ) : action ? (
        <FaqForm
          key={action.kind === 'edit' ? action.faq.id : 'new'}
          faq={action.kind === 'edit' ? action.faq : undefined}
          categories={categories}
          onClose={onClose}
          onDone={onDone}
        />
      ) : null}
    </Dialog>
  );
}

function FaqForm({
  faq,
  categories,
  onClose,
  onDone,
}: {
  faq: Faq | undefined;
  categories: string[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshFaqs();
  const listId = useId();
  const [question, setQuestion] = useState(faq?.question ?? '');
  const [answer, setAnswer] = useState(faq?.answer ?? '');
  const [category, setCategory] = useState(faq?.category ?? '');
  const [status, setStatus] = useState<FaqStatus>(faq?.status ?? 'published');
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.faqs.create.mutationOptions({ onSuccess: () => onDone('FAQ added.'), onSettled: refresh }),
  );
  const update = useMutation(
    trpc.faqs.update.mutationOptions({ onSuccess: () => onDone('FAQ saved.'), onSettled: refresh }),
  );
  const mutation = faq ? update : create;
  const busy = mutation.isPending;
  const fieldErrors = { ...serverFieldErrors(mutation.error), ...errors };

  function submit(e: FormEvent) {
    e.preventDefault();
    const values = { question, answer, category: category.trim() || null, status };
    if (faq) {
      const checked = validate(ZFaqUpdateInput, { id: faq.id, ...values });
      if (!checked.ok) return setErrors(checked.errors);
      setErrors({});
      update.mutate(checked.data);
    } else {
      const checked = validate(ZFaqCreateInput, values);
      if (!checked.ok) return setErrors(checked.errors);
      setErrors({});
      create.mutate(checked.data);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        label="Question"
        value={question}
        maxLength={500}
        required
        disabled={busy}
        onChange={(e) => setQuestion(e.target.value)}
        error={fieldErrors.question}
      />
      <TextAreaField
        label="Answer (HTML allowed)"
        rows={6}
        maxLength={20000}
        value={answer}
        required
        disabled={busy}
        onChange={(e) => setAnswer(e.target.value)}
        error={fieldErrors.answer}
      />
      <TextField
        label="Category"
        value={category}
        list={listId}
        maxLength={100}
        disabled={busy}
        hint={faq ? 'Empty: uncategorised.' : 'Empty: uncategorised. A new FAQ goes last in its category.'}
        onChange={(e) => setCategory(e.target.value)}
        error={fieldErrors.category}
      />
      <datalist id={listId}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div>
        <label htmlFor="faq-status" className="field-label">
          Status
        </label>
        <select
          id="faq-status"
          className="field-input"
          value={status}
          disabled={busy}
          onChange={(e) => setStatus(e.target.value as FaqStatus)}
        >
          {FAQ_STATUSES.map((s) => (
            <option key={s} value={s}>
              {FAQ_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {mutation.isError && <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? 'Saving…' : faq ? 'Save FAQ' : 'Add FAQ'}
        </button>
      </div>
    </form>
  );
}

function DeleteFaq({ faq, onClose, onDone }: { faq: Faq; onClose: () => void; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshFaqs();
  const remove = useMutation(
    trpc.faqs.delete.mutationOptions({ onSuccess: () => onDone('FAQ deleted.'), onSettled: refresh }),
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        <strong className="font-medium text-slate-900">{faq.question}</strong> will be removed for good.
      </p>
      {remove.isError && <FormAlert tone="error">{errorMessage(remove.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={remove.isPending}>
          Cancel
        </button>
        <button
          type="button"
          className="btn-primary !bg-red-600 hover:!bg-red-500"
          disabled={remove.isPending}
          onClick={() => remove.mutate({ id: faq.id })}
        >
          {remove.isPending ? 'Deleting…' : 'Delete FAQ'}
        </button>
      </div>
    </div>
  );
}

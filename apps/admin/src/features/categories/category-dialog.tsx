import { ZCategoryCreateInput, type AdminCategory } from '@learningpt/schema';
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
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useInvalidateCategories, type TreeRow } from './category-tree';

export type CategoryAction = { kind: 'create' } | { kind: 'edit' | 'delete'; category: AdminCategory };

const TITLES = { create: 'New category', edit: 'Edit category', delete: 'Delete category' } as const;

export function CategoryDialog({
  action,
  categories,
  onClose,
  onDone,
}: {
  action: CategoryAction | null;
  /** Every category (inactive ones included), in tree order. */
  categories: TreeRow[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return (
    <Dialog open={action !== null} title={action ? TITLES[action.kind] : ''} onClose={onClose}>
      {action?.kind === 'delete' ? (
        <DeleteForm key={action.category.id} category={action.category} onClose={onClose} onDone={onDone} />
      ) : action ? (
        <CategoryForm
          key={action.kind === 'edit' ? action.category.id : 'new'}
          category={action.kind === 'edit' ? action.category : undefined}
          categories={categories}
          onClose={onClose}
          onDone={onDone}
        />
      ) : null}
    </Dialog>
  );
}

/** Ids of a category and everything under it: not offered as its new parent. */
function subtree(categories: TreeRow[], id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const { category: c } of categories) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

function CategoryForm({
  category,
  categories,
  onClose,
  onDone,
}: {
  category: AdminCategory | undefined;
  categories: TreeRow[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCategories();
  const [name, setName] = useState(category?.name ?? '');
  const [slug, setSlug] = useState(category?.slug ?? '');
  const [description, setDescription] = useState(category?.description ?? '');
  const [parentId, setParentId] = useState(category?.parentId ?? '');
  const [sortOrder, setSortOrder] = useState(String(category?.sortOrder ?? 0));
  const [errors, setErrors] = useState<FieldErrors>({});
  const settled = { onSettled: invalidate };
  const create = useMutation(
    trpc.categories.create.mutationOptions({
      ...settled,
      onSuccess: ({ category: c }) => onDone(`${c.name} created.`),
    }),
  );
  const update = useMutation(
    trpc.categories.update.mutationOptions({ ...settled, onSuccess: ({ category: c }) => onDone(`${c.name} saved.`) }),
  );
  const mutation = category ? update : create;
  const busy = mutation.isPending;
  const fieldErrors = { ...serverFieldErrors(mutation.error), ...errors };
  const excluded = category ? subtree(categories, category.id) : new Set<string>();

  function submit(e: FormEvent) {
    e.preventDefault();
    const order = Number(sortOrder);
    const values = {
      name,
      ...(slug.trim() ? { slug } : {}),
      description: description.trim() || null,
      parentId: parentId || null,
      sortOrder: sortOrder.trim() === '' ? 0 : order,
    };
    const checked = validate(ZCategoryCreateInput, values);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    if (category) update.mutate({ id: category.id, ...checked.data });
    else create.mutate(checked.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        label="Name"
        value={name}
        maxLength={100}
        required
        disabled={busy}
        onChange={(e) => setName(e.target.value)}
        error={fieldErrors.name}
      />
      <TextField
        label="Slug"
        value={slug}
        maxLength={100}
        disabled={busy}
        hint={category ? 'Changing it breaks old links to the category.' : 'Left empty, it is made from the name.'}
        onChange={(e) => setSlug(e.target.value)}
        error={fieldErrors.slug}
      />
      <TextAreaField
        label="Description"
        rows={2}
        maxLength={1000}
        value={description}
        disabled={busy}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldErrors.description}
      />
      <div>
        <label htmlFor="category-parent" className="field-label">
          Parent category
        </label>
        <select
          id="category-parent"
          className="field-input"
          value={parentId}
          disabled={busy}
          onChange={(e) => setParentId(e.target.value)}
          aria-invalid={fieldErrors.parentId ? true : undefined}
        >
          <option value="">None (top level)</option>
          {categories
            .filter(({ category: c }) => !excluded.has(c.id))
            .map(({ category: c, depth }) => (
              <option key={c.id} value={c.id}>
                {`${'\u00a0\u00a0'.repeat(depth)}${c.name}${c.isActive ? '' : ' (inactive)'}`}
              </option>
            ))}
        </select>
        {fieldErrors.parentId && <p className="mt-1.5 text-sm text-red-600">{fieldErrors.parentId}</p>}
      </div>
      <TextField
        label="Sort order"
        type="number"
        inputMode="numeric"
        value={sortOrder}
        disabled={busy}
        hint="Lower numbers come first."
        onChange={(e) => setSortOrder(e.target.value)}
        error={fieldErrors.sortOrder}
      />
      {/* 409 (slug taken) and 422 (e.g. a category under itself) come without field issues. */}
      {mutation.isError && Object.keys(serverFieldErrors(mutation.error)).length === 0 && (
        <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>
      )}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? 'Saving…' : category ? 'Save category' : 'Create category'}
        </button>
      </div>
    </form>
  );
}

function DeleteForm({
  category,
  onClose,
  onDone,
}: {
  category: AdminCategory;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCategories();
  const remove = useMutation(
    trpc.categories.delete.mutationOptions({
      onSuccess: () => onDone(`${category.name} deleted.`),
      onSettled: invalidate,
    }),
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        remove.mutate({ id: category.id });
      }}
      className="space-y-4"
    >
      <p className="text-sm text-slate-600">
        Delete <strong className="font-medium text-slate-900">{category.name}</strong>? Only a category without programs
        or sub-categories can be deleted; to hide one that has them from the catalog, deactivate it instead.
      </p>
      {remove.isError && <FormAlert tone="error">{errorMessage(remove.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={remove.isPending}>
          Cancel
        </button>
        <button type="submit" className="btn-primary !bg-red-600 hover:!bg-red-500" disabled={remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete category'}
        </button>
      </div>
    </form>
  );
}

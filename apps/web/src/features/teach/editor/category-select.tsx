import { errorMessage, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { categoryOptions } from '../../catalog/category-options';

interface CategorySelectProps {
  /** The category's slug ('' for none chosen yet). */
  value: string;
  onChange: (slug: string) => void;
  error?: string | undefined;
  /** The program's current category, kept as a choice even if the list no longer offers it. */
  current?: { slug: string; name: string };
}

/** The categories from categories.list, sub-categories indented under their parents. */
export function CategorySelect({ value, onChange, error, current }: CategorySelectProps) {
  const trpc = useTRPC();
  const id = useId();
  const query = useQuery(trpc.categories.list.queryOptions());
  const options = query.data ? categoryOptions(query.data.categories) : [];
  const missingCurrent = current && query.data && !options.some((o) => o.slug === current.slug);
  const message =
    error ?? (query.isError ? `The categories could not be loaded. ${errorMessage(query.error)}` : undefined);

  return (
    <div>
      <label htmlFor={id} className="field-label">
        Category
      </label>
      <select
        id={id}
        className="field-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={query.isPending}
        aria-invalid={error ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        required
      >
        {query.isPending && <option value={value}>Loading categories…</option>}
        {!query.isPending && !value && <option value="">Choose a category</option>}
        {missingCurrent && <option value={current.slug}>{current.name}</option>}
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {'\u00a0\u00a0'.repeat(o.depth) + o.name}
          </option>
        ))}
      </select>
      {message && (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-600">
          {message}
        </p>
      )}
    </div>
  );
}

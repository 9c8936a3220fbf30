import type { FieldErrors } from '@learningpt/ui';
import { useId } from 'react';

interface EditableListProps {
  /** The list's name ("Prerequisites"). */
  label: string;
  /** One entry's name ("prerequisite"), for the inputs' and buttons' labels. */
  itemLabel: string;
  /** The field's key in the errors (`prerequisites` → `prerequisites.0`). */
  name: string;
  items: string[];
  onChange: (items: string[]) => void;
  errors: FieldErrors;
  hint?: string;
  max?: number;
}

/** A list of short texts: one input per entry, remove buttons, and an add button. */
export function EditableList({ label, itemLabel, name, items, onChange, errors, hint, max = 30 }: EditableListProps) {
  const id = useId();
  const listError = errors[name];
  return (
    <fieldset aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field-label">{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="-mt-1 mb-2 text-sm text-slate-500">
          {hint}
        </p>
      )}
      {items.length === 0 && <p className="mb-2 text-sm text-slate-500">None yet.</p>}
      <ol className="space-y-2">
        {items.map((item, i) => {
          const error = errors[`${name}.${i}`];
          const inputId = `${id}-${i}`;
          return (
            <li key={i}>
              <div className="flex gap-2">
                <label htmlFor={inputId} className="sr-only">
                  {`${capitalise(itemLabel)} ${i + 1}`}
                </label>
                <input
                  id={inputId}
                  className="field-input"
                  value={item}
                  maxLength={200}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(e) => onChange(items.map((v, j) => (j === i ? e.target.value : v)))}
                />
                <button
                  type="button"
                  className="btn-secondary"
                  aria-label={`Remove ${itemLabel} ${i + 1}`}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </div>
              {error && (
                <p id={`${inputId}-error`} className="mt-1 text-sm text-red-600">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {listError && <p className="mt-1.5 text-sm text-red-600">{listError}</p>}
      <button
        type="button"
        className="mt-2 text-sm font-medium text-indigo-600 hover:underline disabled:text-slate-400 disabled:no-underline"
        disabled={items.length >= max}
        onClick={() => onChange([...items, ''])}
      >
        + Add {itemLabel}
      </button>
    </fieldset>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

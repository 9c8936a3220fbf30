import { useId, useState, type FormEvent } from 'react';

interface PriceRangeFilterProps {
  min?: number | undefined;
  max?: number | undefined;
  onApply: (min: number | undefined, max: number | undefined) => void;
}

const asText = (n: number | undefined) => (n === undefined ? '' : String(n));

function parsePrice(text: string): number | undefined | 'invalid' {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : 'invalid';
}

/**
 * Two bounds applied together, so a half-typed range never reaches the API (it would reject
 * min > max). The parent keys it by the URL's range, so back/"Clear all" start a fresh draft.
 */
export function PriceRangeFilter({ min, max, onApply }: PriceRangeFilterProps) {
  const [minText, setMinText] = useState(asText(min));
  const [maxText, setMaxText] = useState(asText(max));
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  function apply(e: FormEvent) {
    e.preventDefault();
    const lo = parsePrice(minText);
    const hi = parsePrice(maxText);
    if (lo === 'invalid' || hi === 'invalid') return setError('Prices must be zero or more.');
    if (lo !== undefined && hi !== undefined && lo > hi) return setError('The minimum must not be above the maximum.');
    setError(null);
    onApply(lo, hi);
  }

  return (
    <form onSubmit={apply} noValidate>
      <fieldset>
        <legend className="field-label">Price (bundle)</legend>
        <div className="flex items-center gap-2">
          <label className="sr-only" htmlFor="price-min">
            Minimum price
          </label>
          <input
            id="price-min"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            placeholder="Min"
            value={minText}
            onChange={(e) => setMinText(e.target.value)}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            className="field-input"
          />
          <span aria-hidden="true" className="text-slate-400">
            –
          </span>
          <label className="sr-only" htmlFor="price-max">
            Maximum price
          </label>
          <input
            id="price-max"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            placeholder="Max"
            value={maxText}
            onChange={(e) => setMaxText(e.target.value)}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            className="field-input"
          />
        </div>
        {error && (
          <p id={errorId} role="alert" className="mt-1 text-xs text-red-600">
            {error}
          </p>
        )}
        <button type="submit" className="btn-secondary mt-3 w-full">
          Apply price
        </button>
      </fieldset>
    </form>
  );
}

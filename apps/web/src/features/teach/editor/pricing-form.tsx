import { ZProgramUpdateInput, type ProgramDetail } from '@learningpt/schema';
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
import { formatMoney } from '../../../lib/format';
import { EditorCard, UnsavedBadge } from './editor-card';
import { useEditorProgram, useProgramRefresh, useWarnBeforeUnload } from './editor-context';

const FEATURES = [
  { key: 'chatbot', label: 'AI tutor chat', hint: 'Questions answered by the AI tutor.' },
  { key: 'documentation', label: 'Documentation', hint: 'The lessons.' },
  { key: 'examSimulator', label: 'Exam simulator', hint: 'Practice exams with scoring.' },
  { key: 'bundle', label: 'Bundle (everything)', hint: 'All three together, usually cheaper.' },
] as const;
type FeatureKey = (typeof FEATURES)[number]['key'];

interface Values {
  prices: Record<FeatureKey, string>;
  currency: string;
}

function valuesFrom(p: ProgramDetail): Values {
  return {
    prices: {
      chatbot: String(p.pricing.chatbot),
      documentation: String(p.pricing.documentation),
      examSimulator: String(p.pricing.examSimulator),
      bundle: String(p.pricing.bundle),
    },
    currency: p.pricing.currency,
  };
}

/** "19.99" → 19.99, "" → 0 (free), anything else → NaN (refused with a message). */
function parsePrice(text: string): number {
  const t = text.trim().replace(',', '.');
  if (t === '') return 0;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

export function PricingForm() {
  const trpc = useTRPC();
  const { program } = useEditorProgram();
  const { setProgram, refresh } = useProgramRefresh();
  const [values, setValues] = useState(() => valuesFrom(program));
  const [errors, setErrors] = useState<FieldErrors>({});

  const parsed = Object.fromEntries(FEATURES.map((f) => [f.key, parsePrice(values.prices[f.key])])) as Record<
    FeatureKey,
    number
  >;
  const changedPrices = FEATURES.filter((f) => parsed[f.key] !== program.pricing[f.key]).map((f) => f.key);
  const currency = values.currency.trim().toUpperCase();
  const currencyChanged = currency !== program.pricing.currency;
  const dirty = changedPrices.length > 0 || currencyChanged;
  const allFree = FEATURES.every((f) => parsed[f.key] === 0);
  useWarnBeforeUnload(dirty);

  const save = useMutation(
    trpc.programs.update.mutationOptions({
      onSuccess: (data) => {
        setProgram(data.program);
        setValues(valuesFrom(data.program));
        void refresh();
      },
      onError: (err) => setErrors(serverFieldErrors(err)),
    }),
  );

  function setPrice(key: FeatureKey, text: string) {
    setValues((v) => ({ ...v, prices: { ...v.prices, [key]: text } }));
    if (save.isSuccess || save.isError) save.reset();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const bad = FEATURES.filter((f) => Number.isNaN(parsed[f.key]));
    if (bad.length > 0) {
      return setErrors(
        Object.fromEntries(bad.map((f) => [`pricing.${f.key}`, 'A price must be a number such as 19.99'])),
      );
    }
    const input = {
      id: program.id,
      ...(changedPrices.length > 0 && {
        pricing: Object.fromEntries(changedPrices.map((k) => [k, parsed[k]])),
      }),
      ...(currencyChanged && { currency }),
    };
    const result = validate(ZProgramUpdateInput, input);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    if (dirty) save.mutate(input);
  }

  const busy = save.isPending;
  const formError = save.isError && Object.keys(serverFieldErrors(save.error)).length === 0;
  return (
    <EditorCard
      id="pricing"
      title="Pricing"
      description="Learners buy each feature on its own or all of them as a bundle. Set every price to 0 to make the program free."
      actions={<UnsavedBadge dirty={dirty} />}
    >
      <form onSubmit={submit} noValidate aria-label="Pricing" aria-busy={busy} className="space-y-5">
        <fieldset disabled={busy} className="grid gap-5 sm:grid-cols-2">
          <legend className="sr-only">Prices</legend>
          {FEATURES.map((f) => (
            <TextField
              key={f.key}
              label={`${f.label} price`}
              inputMode="decimal"
              placeholder="0.00"
              value={values.prices[f.key]}
              onChange={(e) => setPrice(f.key, e.target.value)}
              error={errors[`pricing.${f.key}`]}
              hint={f.hint}
            />
          ))}
          <TextField
            label="Currency"
            value={values.currency}
            maxLength={3}
            placeholder="USD"
            autoCapitalize="characters"
            onChange={(e) => {
              setValues((v) => ({ ...v, currency: e.target.value }));
              if (save.isSuccess || save.isError) save.reset();
            }}
            error={errors.currency}
            hint="A 3-letter ISO code such as USD or EUR."
          />
        </fieldset>
        <p className="text-sm text-slate-700" data-testid="pricing-summary">
          {allFree
            ? 'Every price is 0: the program is free, anyone can enroll without paying.'
            : `Bundle: ${Number.isNaN(parsed.bundle) || !/^[A-Z]{3}$/.test(currency) ? '—' : formatMoney(parsed.bundle, currency)}. Paid features need a purchase or a subscription.`}
        </p>
        <div aria-live="polite">
          {save.isSuccess && !dirty && <FormAlert tone="success">The prices have been saved.</FormAlert>}
          {formError && <FormAlert tone="error">{errorMessage(save.error)}</FormAlert>}
          {Object.keys(errors).length > 0 && !formError && (
            <FormAlert tone="error">Some prices need your attention.</FormAlert>
          )}
        </div>
        <button type="submit" className="btn-primary" disabled={busy || !dirty}>
          {busy ? 'Saving…' : 'Save prices'}
        </button>
      </form>
    </EditorCard>
  );
}

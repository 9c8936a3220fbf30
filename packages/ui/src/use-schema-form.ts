import { useRef, useState } from 'react';
import type { z } from 'zod';
import { readServerError, validate, type FieldErrors } from './forms';
import { useCountdown } from './use-countdown';

/**
 * The state of a form checked with the server's own zod schema. `values` start as `initial`;
 * `change(field, value)` sets one (with `recheck`, after a first `validateAll()` the messages
 * follow the fixes as they are typed). `validateAll()` sets the messages and returns the parsed
 * data, or null when a field is wrong. `onServerError(err)` puts the API's messages under their
 * fields (`namedFields` as for `serverFieldErrors`), starts `wait` after a 429 and returns whether
 * a field claimed the error; `claims(err)` answers that alone, for the form's own message on top.
 */
export function useSchemaForm<S extends z.ZodType<unknown, Record<string, unknown>>>({
  schema,
  initial,
  namedFields = [],
  recheck = false,
}: {
  schema: S;
  initial: z.input<S>;
  namedFields?: readonly string[];
  recheck?: boolean;
}) {
  const [values, setValues] = useState<z.input<S>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const submitted = useRef(false);
  const wait = useCountdown();

  function change<K extends keyof z.input<S>>(field: K, value: z.input<S>[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (recheck && submitted.current) {
      const result = validate(schema, next);
      setErrors(result.ok ? {} : result.errors);
    }
  }

  function validateAll(): z.output<S> | null {
    submitted.current = true;
    const result = validate(schema, values);
    setErrors(result.ok ? {} : result.errors);
    return result.ok ? result.data : null;
  }

  function onServerError(error: unknown): boolean {
    const { fieldErrors, claimed, retryAfter } = readServerError(error, namedFields);
    setErrors(fieldErrors);
    if (retryAfter) wait.start(retryAfter);
    return claimed;
  }

  const claims = (error: unknown) => readServerError(error, namedFields).claimed;

  return { values, setValues, errors, setErrors, change, validateAll, onServerError, claims, wait };
}

import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from './use-debounced-value';

/**
 * A text input bound to a value in the URL: typing edits a local draft, which is written to the
 * URL once typing pauses; when the URL changes elsewhere (back button, "Clear filters") the draft
 * follows it.
 *
 * `commit` writes the draft and returns the value as stored (e.g. trimmed), so a normalised echo
 * from the URL is not mistaken for an outside change that would overwrite what is being typed.
 */
export function useUrlDraft(urlValue: string, commit: (draft: string) => string, delayMs = 300) {
  const [draft, setDraft] = useState(urlValue);
  const debounced = useDebouncedValue(draft, delayMs);
  const lastWritten = useRef(urlValue);
  const commitRef = useRef(commit);
  // Effects run in order: the debounce effect below always sees the latest `commit`.
  useEffect(() => {
    commitRef.current = commit;
  });

  useEffect(() => {
    if (debounced === lastWritten.current) return;
    lastWritten.current = commitRef.current(debounced);
  }, [debounced]);

  useEffect(() => {
    if (urlValue === lastWritten.current) return;
    lastWritten.current = urlValue;
    setDraft(urlValue);
  }, [urlValue]);

  return [draft, setDraft] as const;
}

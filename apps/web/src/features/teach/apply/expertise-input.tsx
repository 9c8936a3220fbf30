import { useId, type KeyboardEvent } from 'react';

export const MAX_EXPERTISE = 20;
const MAX_TOPIC_LENGTH = 50;

interface ExpertiseInputProps {
  topics: string[];
  /** The topic being typed, kept by the form so submitting without pressing Enter still counts it. */
  draft: string;
  /** One call per change, with both parts: two calls in one event would each start from stale values. */
  onChange: (topics: string[], draft: string) => void;
  error?: string | undefined;
}

/** Adds `text` (split on commas) to `topics`, skipping blanks and repeats (case-insensitive). */
export function addTopics(topics: string[], text: string): string[] {
  const next = [...topics];
  for (const part of text.split(',')) {
    const topic = part.trim();
    if (topic && !next.some((t) => t.toLowerCase() === topic.toLowerCase())) next.push(topic);
  }
  return next;
}

/** Areas of expertise as removable chips: type a topic, press Enter (or a comma) to add it. */
export function ExpertiseInput({ topics, draft, onChange, error }: ExpertiseInputProps) {
  const id = useId();
  const [hintId, errorId] = [`${id}-hint`, `${id}-error`];
  const full = topics.length >= MAX_EXPERTISE;

  function add() {
    if (!draft.trim()) return;
    onChange(addTopics(topics, draft), '');
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !draft && topics.length > 0) {
      onChange(topics.slice(0, -1), draft);
    }
  }

  return (
    <div>
      <label htmlFor={id} className="field-label">
        Areas of expertise
      </label>
      {topics.length > 0 && (
        <ul aria-label="Your areas of expertise" className="mb-2 flex flex-wrap gap-2">
          {topics.map((topic) => (
            <li
              key={topic}
              className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pl-3 pr-1 text-sm text-indigo-800 ring-1 ring-inset ring-indigo-600/20"
            >
              {topic}
              <button
                type="button"
                onClick={() =>
                  onChange(
                    topics.filter((t) => t !== topic),
                    draft,
                  )
                }
                aria-label={`Remove ${topic}`}
                className="flex size-5 items-center justify-center rounded-full text-indigo-500 hover:bg-indigo-100 hover:text-indigo-800"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <input
          id={id}
          className="field-input"
          value={draft}
          onChange={(e) => onChange(topics, e.target.value)}
          onKeyDown={onKeyDown}
          maxLength={MAX_TOPIC_LENGTH}
          disabled={full}
          placeholder={full ? 'That is the most you can list' : 'e.g. React, then press Enter'}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}
        />
        <button type="button" className="btn-secondary" onClick={add} disabled={full || !draft.trim()}>
          Add
        </button>
      </div>
      <p id={hintId} className="mt-1.5 text-sm text-slate-500">
        Topics you can teach, up to {MAX_EXPERTISE} ({topics.length}/{MAX_EXPERTISE}).
      </p>
      {error && (
        <p id={errorId} className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

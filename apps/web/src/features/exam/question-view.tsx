import type { AttemptQuestion } from '@learningpt/schema';

const TYPE_HINTS: Record<AttemptQuestion['questionType'], string> = {
  'multiple-choice': 'Choose one answer.',
  'multi-select': 'Choose every answer that applies.',
  'true-false': 'True or false?',
  'short-answer': 'Type your answer.',
};

interface QuestionViewProps {
  question: AttemptQuestion;
  number: number;
  total: number;
  /** The chosen options, or the typed answer as the only item. */
  value: string[];
  onChange: (value: string[]) => void;
  disabled: boolean;
}

/** One question of an attempt, answered with radios, checkboxes or a text field by its type. */
export function QuestionView({ question, number, total, value, onChange, disabled }: QuestionViewProps) {
  const name = `question-${question.id}`;
  const heading = (
    <>
      <span className="block text-sm font-medium text-indigo-600">
        Question {number} of {total} · {question.points === 1 ? '1 point' : `${question.points} points`}
      </span>
      <span className="mt-1 block whitespace-pre-line text-lg font-semibold text-slate-900">
        {question.questionText}
      </span>
    </>
  );

  if (question.questionType === 'short-answer') {
    return (
      <div>
        <h2>{heading}</h2>
        <label htmlFor={name} className="field-label mt-6">
          Your answer
        </label>
        <input
          id={name}
          type="text"
          className="field-input"
          maxLength={500}
          autoComplete="off"
          disabled={disabled}
          value={value[0] ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? [] : [e.target.value])}
        />
        <p className="mt-2 text-xs text-slate-500">{TYPE_HINTS[question.questionType]}</p>
      </div>
    );
  }

  const multi = question.questionType === 'multi-select';
  return (
    <fieldset disabled={disabled}>
      <legend>{heading}</legend>
      <p className="mt-2 text-sm text-slate-500">{TYPE_HINTS[question.questionType]}</p>
      <div className="mt-4 space-y-2">
        {question.options.map((option) => {
          const checked = value.includes(option);
          return (
            <label
              key={option}
              className={`flex cursor-pointer items-start gap-3 rounded-xl border px-4 py-3 text-slate-800 transition ${
                checked ? 'border-indigo-400 bg-indigo-50' : 'border-slate-200 bg-white hover:bg-slate-50'
              }`}
            >
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={name}
                className="mt-1 size-4 accent-indigo-600"
                checked={checked}
                onChange={(e) => {
                  if (!multi) onChange([option]);
                  else if (e.target.checked) onChange([...value, option]);
                  else onChange(value.filter((v) => v !== option));
                }}
              />
              <span>{option}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

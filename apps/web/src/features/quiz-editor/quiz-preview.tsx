import type { AttemptQuestion } from '@learningpt/schema';
import { useState } from 'react';
import { QuestionView } from '../exam/question-view';

/**
 * The questions as a student is served them during an attempt: text, choices and points, never
 * the answers or explanations. Answers picked here are not sent anywhere.
 */
export function QuizPreview({ questions }: { questions: AttemptQuestion[] }) {
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  if (questions.length === 0) {
    return <p className="text-sm text-slate-600">This quiz has no questions of its own to preview yet.</p>;
  }
  return (
    <ol className="space-y-6" aria-label="Student preview">
      {questions.map((q, i) => (
        <li key={q.id} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <QuestionView
            question={q}
            number={i + 1}
            total={questions.length}
            value={answers[q.id] ?? []}
            onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
            disabled={false}
          />
        </li>
      ))}
    </ol>
  );
}

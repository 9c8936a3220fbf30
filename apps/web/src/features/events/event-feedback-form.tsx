import { ZEventFeedbackInput, type EventRegistration } from '@learningpt/schema';
import {
  errorMessage,
  FormAlert,
  serverFieldErrors,
  StarIcon,
  TextAreaField,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';

/** After an event: a registrant rates it 1–5 with a comment, once; then the rating they gave. */
export function EventFeedbackForm({ eventId, registration }: { eventId: string; registration: EventRegistration }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const ratingId = useId();
  const send = useMutation(
    trpc.events.feedback.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.events.pathFilter()),
    }),
  );

  if (registration.feedbackRating !== null) {
    return (
      <div className="rounded-xl bg-slate-50 p-3 text-sm text-slate-700">
        <p className="font-medium">Your feedback: {registration.feedbackRating} out of 5</p>
        {registration.feedbackComment && (
          <p className="mt-1 whitespace-pre-line text-slate-600">{registration.feedbackComment}</p>
        )}
      </div>
    );
  }
  if (registration.status === 'no_show') {
    return <p className="text-sm text-slate-500">You were marked as absent, so there is nothing to rate.</p>;
  }

  const fieldErrors = { ...serverFieldErrors(send.error), ...errors };
  function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(ZEventFeedbackInput, {
      id: eventId,
      rating: rating || undefined,
      comment: comment.trim() || undefined,
    });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    send.mutate(checked.data);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Rate this event"
      className="space-y-3 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4"
    >
      <h3 className="font-semibold text-slate-900">How was it?</h3>
      <fieldset aria-describedby={fieldErrors.rating ? `${ratingId}-error` : undefined}>
        <legend className="field-label">Your rating</legend>
        <div className="mt-1 flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="relative inline-flex cursor-pointer">
              <input
                type="radio"
                name={`${ratingId}-rating`}
                value={n}
                checked={rating === n}
                disabled={send.isPending}
                onChange={() => setRating(n)}
                className="peer sr-only"
              />
              <StarIcon
                className={`size-7 rounded peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500 ${n <= rating ? 'text-amber-400' : 'text-slate-300'}`}
              />
              <span className="sr-only">{n === 1 ? '1 star' : `${n} stars`}</span>
            </label>
          ))}
        </div>
        {fieldErrors.rating && (
          <p id={`${ratingId}-error`} className="mt-1.5 text-sm text-red-600">
            {fieldErrors.rating}
          </p>
        )}
      </fieldset>
      <TextAreaField
        label="Comment (optional)"
        rows={3}
        maxLength={2000}
        value={comment}
        disabled={send.isPending}
        onChange={(e) => setComment(e.target.value)}
        error={fieldErrors.comment}
      />
      {send.isError && Object.keys(serverFieldErrors(send.error)).length === 0 && (
        <FormAlert tone="error">{errorMessage(send.error)}</FormAlert>
      )}
      <button type="submit" className="btn-primary" disabled={send.isPending}>
        {send.isPending ? 'Sending…' : 'Send feedback'}
      </button>
    </form>
  );
}

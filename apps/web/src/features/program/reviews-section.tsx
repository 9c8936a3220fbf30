import { REVIEW_SORTS, ZAddReviewInput, type Review } from '@learningpt/schema';
import {
  errorMessage,
  ErrorState,
  FormAlert,
  httpStatus,
  Pagination,
  serverFieldErrors,
  Skeleton,
  StarIcon,
  TextAreaField,
  useSession,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Avatar } from '../../components/avatar';
import { formatDay, formatRating, plural } from '../../lib/format';

type ReviewSort = (typeof REVIEW_SORTS)[number];
const SORT_LABELS: Record<ReviewSort, string> = {
  recent: 'Most recent',
  rating: 'Highest rated',
  helpful: 'Most helpful',
};
const PAGE_SIZE = 10;

/** ?reviews=helpful&reviewsPage=2: the review list's state lives in the URL like the catalog's. */
function readParams(params: URLSearchParams): { sort: ReviewSort; page: number } {
  const sort = params.get('reviews');
  const page = Number(params.get('reviewsPage'));
  return {
    sort: (REVIEW_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ReviewSort) : 'recent',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** `myReview` comes with the program (programs.byId), so the viewer's review shows whatever the page or sort. */
export function ReviewsSection({
  programId,
  isEnrolled,
  myReview,
}: {
  programId: string;
  isEnrolled: boolean;
  myReview: Review | null;
}) {
  const [params, setParams] = useSearchParams();
  const { sort, page } = readParams(params);
  const trpc = useTRPC();
  const session = useSession();
  const reviews = useQuery(
    trpc.programs.reviews.queryOptions(
      { id: programId, sort, page, limit: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  const sortId = useId();

  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('reviewsPage', String(p));
    else next.delete('reviewsPage');
    return `?${next.toString()}#reviews`;
  };
  const signedIn = session.status === 'signed-in';
  // The viewer's review is pinned above the list, so the list leaves it out.
  const others = reviews.data?.reviews.filter((r) => !r.mine) ?? [];

  return (
    <section id="reviews" aria-labelledby="reviews-heading" className="scroll-mt-24">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="reviews-heading" className="text-xl font-semibold tracking-tight text-slate-900">
            Reviews
          </h2>
          {reviews.data && reviews.data.totalReviews > 0 && (
            <p className="mt-1 text-sm text-slate-600">
              {formatRating(reviews.data.averageRating)} out of 5 · {plural(reviews.data.totalReviews, 'review')}
            </p>
          )}
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor={sortId} className="text-sm text-slate-600">
            Sort reviews
          </label>
          <select
            id={sortId}
            className="field-input !mt-0 !w-auto"
            value={sort}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value === 'recent') next.delete('reviews');
              else next.set('reviews', e.target.value);
              next.delete('reviewsPage');
              setParams(next, { replace: true, preventScrollReset: true });
            }}
          >
            {REVIEW_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>

      {signedIn && myReview && (
        <div className="mb-6">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">Your review</h3>
          <ul>
            <ReviewItem programId={programId} review={myReview} canVote={false} />
          </ul>
        </div>
      )}
      {isEnrolled && signedIn && !myReview && <ReviewForm programId={programId} />}

      {reviews.isPending ? (
        <div aria-busy="true" aria-label="Loading reviews" className="space-y-3">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-24 rounded-xl" />
          ))}
        </div>
      ) : reviews.isError && !reviews.data ? (
        <ErrorState title="We couldn't load the reviews" error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.reviews.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-600">
          No reviews yet.{isEnrolled ? ' Be the first to share what you think.' : ''}
        </p>
      ) : (
        <>
          {others.length > 0 && (
            <ul className={`space-y-3 transition-opacity ${reviews.isPlaceholderData ? 'opacity-60' : ''}`}>
              {others.map((r) => (
                <ReviewItem key={r.id} programId={programId} review={r} canVote={signedIn} />
              ))}
            </ul>
          )}
          <div className="mt-6">
            <Pagination
              currentPage={reviews.data.pagination.currentPage}
              totalPages={reviews.data.pagination.totalPages}
              hrefFor={hrefFor}
            />
          </div>
        </>
      )}
    </section>
  );
}

function Stars({ rating }: { rating: number }) {
  return (
    <span className="inline-flex" aria-label={`${rating} out of 5 stars`} role="img">
      {Array.from({ length: 5 }, (_, i) => (
        <StarIcon key={i} className={`size-4 ${i < rating ? 'text-amber-400' : 'text-slate-200'}`} />
      ))}
    </span>
  );
}

function ReviewItem({ programId, review, canVote }: { programId: string; review: Review; canVote: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const vote = useMutation(
    trpc.programs.voteReviewHelpful.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.programs.reviews.pathFilter()),
    }),
  );
  // Already marked (the server says so), or just now: the vote counts once, so the button rests.
  const marked = review.votedHelpful || vote.isSuccess;

  if (editing) {
    return (
      <li>
        <ReviewForm programId={programId} existing={review} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4" aria-label={`Review by ${review.user.name}`}>
      <div className="flex items-center gap-3">
        <Avatar name={review.user.name} src={review.user.avatar} />
        <div className="min-w-0 flex-1">
          <p className="font-medium text-slate-900">
            {review.user.name}
            {review.mine && <span className="ml-2 text-xs font-normal text-indigo-700">(your review)</span>}
          </p>
          <p className="flex items-center gap-2 text-xs text-slate-500">
            <Stars rating={review.rating} />
            <time dateTime={review.createdAt.toISOString()}>{formatDay(review.createdAt)}</time>
          </p>
        </div>
      </div>
      {review.comment && <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{review.comment}</p>}
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        <span className="text-slate-500">{plural(review.helpful, 'person', 'people')} found this helpful</span>
        {review.mine ? (
          <button
            type="button"
            className="font-medium text-indigo-600 hover:underline"
            onClick={() => setEditing(true)}
          >
            Edit your review
          </button>
        ) : (
          canVote && (
            <button
              type="button"
              className="btn-secondary !px-3 !py-1 text-xs"
              disabled={marked || vote.isPending}
              aria-pressed={marked}
              onClick={() => vote.mutate({ id: programId, reviewId: review.id })}
            >
              {vote.isPending ? 'Saving…' : marked ? 'Marked helpful' : 'Helpful'}
            </button>
          )
        )}
        {vote.isSuccess && <span className="text-emerald-700">Thanks for your feedback.</span>}
        {vote.isError && (
          <span role="alert" className="text-red-600">
            {errorMessage(vote.error)}
          </span>
        )}
      </div>
    </li>
  );
}

/** Adds a review (enrolled students) or edits one's own; the server's zod messages go under the fields. */
function ReviewForm({ programId, existing, onDone }: { programId: string; existing?: Review; onDone?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(existing?.rating ?? 0);
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const ratingId = useId();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.programs.reviews.pathFilter()),
      queryClient.invalidateQueries(trpc.programs.byId.pathFilter()),
    ]);
  const add = useMutation(
    trpc.programs.addReview.mutationOptions({
      onSuccess: refresh,
      // 409: the viewer's review exists already (written elsewhere); reloading pins it here to edit.
      onError: (err) => void (httpStatus(err) === 409 && refresh()),
    }),
  );
  const update = useMutation(
    trpc.programs.updateReview.mutationOptions({ onSuccess: () => refresh().then(() => onDone?.()) }),
  );
  const mutation = existing ? update : add;
  const busy = mutation.isPending;
  const fieldErrors = { ...serverFieldErrors(mutation.error), ...errors };

  function submit(e: FormEvent) {
    e.preventDefault();
    const values = { id: programId, rating: rating || undefined, comment: comment.trim() || undefined };
    const checked = validate(ZAddReviewInput, values);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    if (existing) {
      update.mutate({ id: programId, reviewId: existing.id, rating, comment: comment.trim() || null });
    } else {
      add.mutate(checked.data);
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={existing ? 'Edit your review' : 'Write a review'}
      className="mb-6 space-y-4 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4"
    >
      <h3 className="font-semibold text-slate-900">{existing ? 'Edit your review' : 'Write a review'}</h3>
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
                disabled={busy}
                onChange={() => setRating(n)}
                className="peer sr-only"
              />
              <StarIcon
                className={`size-7 rounded peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500 ${n <= rating ? 'text-amber-400' : 'text-slate-300'}`}
              />
              <span className="sr-only">{plural(n, 'star')}</span>
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
        disabled={busy}
        onChange={(e) => setComment(e.target.value)}
        error={fieldErrors.comment}
      />
      {mutation.isError && Object.keys(serverFieldErrors(mutation.error)).length === 0 && (
        <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>
      )}
      {add.isSuccess && <FormAlert tone="success">Thanks! Your review is published.</FormAlert>}
      <div className="flex gap-3">
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? 'Saving…' : existing ? 'Save review' : 'Publish review'}
        </button>
        {existing && (
          <button type="button" className="btn-secondary" disabled={busy} onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

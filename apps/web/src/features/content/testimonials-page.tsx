import { ZTestimonialCreateInput, type Testimonial, type TestimonialStatus } from '@learningpt/schema';
import {
  errorMessage,
  ErrorState,
  FormAlert,
  Pagination,
  serverFieldErrors,
  Skeleton,
  StarIcon,
  TextAreaField,
  TextField,
  useSession,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Avatar } from '../../components/avatar';
import { formatDay } from '../../lib/format';

const PAGE_SIZE = 12;

/** /testimonials: approved testimonials (featured first); signed-in users submit one and follow its review. */
export function TestimonialsPage() {
  const [params] = useSearchParams();
  const raw = Number(params.get('page'));
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const trpc = useTRPC();
  const session = useSession();
  const list = useQuery(
    trpc.testimonials.list.queryOptions({ page, limit: PAGE_SIZE }, { placeholderData: keepPreviousData }),
  );

  return (
    <>
      <title>What learners say · LearninGPT</title>
      <section className="border-b border-slate-200 bg-gradient-to-b from-indigo-50/80 to-slate-50">
        <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">What learners say</h1>
          <p className="mt-2 max-w-2xl text-slate-600">Stories from people who studied and got certified with us.</p>
        </div>
      </section>
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:px-6 lg:grid-cols-[1fr_22rem] lg:px-8">
        <section aria-labelledby="testimonials-heading" className="min-w-0">
          <h2 id="testimonials-heading" className="sr-only">
            Testimonials
          </h2>
          {list.isPending ? (
            <div aria-busy="true" aria-label="Loading testimonials" className="grid gap-4 sm:grid-cols-2">
              {Array.from({ length: 4 }, (_, i) => (
                <Skeleton key={i} className="h-44 rounded-2xl" />
              ))}
            </div>
          ) : list.isError && !list.data ? (
            <ErrorState
              title="We couldn't load the testimonials"
              error={list.error}
              onRetry={() => void list.refetch()}
            />
          ) : list.data.testimonials.length === 0 ? (
            <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center text-slate-600">
              No testimonials yet.
            </p>
          ) : (
            <>
              <ul
                aria-labelledby="testimonials-heading"
                className={`grid gap-4 transition-opacity sm:grid-cols-2 ${list.isPlaceholderData ? 'opacity-60' : ''}`}
              >
                {list.data.testimonials.map((t) => (
                  <li key={t.id} className="flex">
                    <TestimonialCard testimonial={t} />
                  </li>
                ))}
              </ul>
              <div className="mt-8">
                <Pagination
                  currentPage={list.data.pagination.currentPage}
                  totalPages={list.data.pagination.totalPages}
                  hrefFor={(p) => (p > 1 ? `?page=${p}` : '?')}
                />
              </div>
            </>
          )}
        </section>
        <aside className="space-y-6 lg:sticky lg:top-24 lg:self-start">
          {session.status === 'signed-in' ? (
            <>
              <TestimonialForm />
              <MyTestimonials />
            </>
          ) : session.status === 'loading' ? (
            <Skeleton className="h-40 rounded-2xl" />
          ) : (
            <div className="rounded-2xl border border-slate-200 bg-white p-5 text-sm text-slate-600 shadow-sm">
              <h2 className="text-lg font-semibold text-slate-900">Share your story</h2>
              <p className="mt-1">Sign in to tell others how learning with us went.</p>
              <Link to="/sign-in?next=%2Ftestimonials" className="btn-primary mt-4">
                Sign in
              </Link>
            </div>
          )}
        </aside>
      </div>
    </>
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

function TestimonialCard({ testimonial: t }: { testimonial: Testimonial }) {
  return (
    <figure
      aria-label={`Testimonial by ${t.authorName}`}
      className={`flex w-full flex-col gap-3 rounded-2xl border bg-white p-5 shadow-sm ${t.featured ? 'border-amber-200 ring-1 ring-amber-100' : 'border-slate-200'}`}
    >
      <div className="flex items-center justify-between gap-2">
        <Stars rating={t.rating} />
        {t.featured && (
          <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-700">Featured</span>
        )}
      </div>
      {t.title && <p className="font-semibold text-slate-900">{t.title}</p>}
      <blockquote className="whitespace-pre-line text-sm leading-relaxed text-slate-700">{t.content}</blockquote>
      <figcaption className="mt-auto flex items-center gap-3 border-t border-slate-100 pt-3">
        <Avatar name={t.authorName} src={t.avatarUrl} />
        <div className="min-w-0 text-sm">
          <p className="font-medium text-slate-900">{t.authorName}</p>
          {(t.authorTitle || t.program) && (
            <p className="truncate text-xs text-slate-500">
              {t.authorTitle}
              {t.authorTitle && t.program && ' · '}
              {t.program && (
                <Link to={`/programs/${encodeURIComponent(t.program.slug)}`} className="hover:text-indigo-700">
                  {t.program.title}
                </Link>
              )}
            </p>
          )}
        </div>
      </figcaption>
    </figure>
  );
}

function TestimonialForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(0);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [authorTitle, setAuthorTitle] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const ratingId = useId();
  const create = useMutation(
    trpc.testimonials.create.mutationOptions({
      onSuccess: () => {
        setRating(0);
        setTitle('');
        setContent('');
        setAuthorTitle('');
        return queryClient.invalidateQueries(trpc.testimonials.mine.pathFilter());
      },
    }),
  );
  const fieldErrors = { ...serverFieldErrors(create.error), ...errors };

  function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(ZTestimonialCreateInput, {
      rating: rating || undefined,
      content,
      title: title.trim() || undefined,
      authorTitle: authorTitle.trim() || undefined,
    });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.data);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Share your story"
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 className="text-lg font-semibold text-slate-900">Share your story</h2>
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
                disabled={create.isPending}
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
      <TextField
        label="Headline (optional)"
        maxLength={200}
        value={title}
        disabled={create.isPending}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldErrors.title}
      />
      <TextAreaField
        label="Your testimonial"
        rows={5}
        maxLength={2000}
        value={content}
        disabled={create.isPending}
        onChange={(e) => setContent(e.target.value)}
        error={fieldErrors.content}
        hint="At least 10 characters, plain text."
      />
      <TextField
        label="About you (optional)"
        placeholder="Data analyst at Acme"
        maxLength={200}
        value={authorTitle}
        disabled={create.isPending}
        onChange={(e) => setAuthorTitle(e.target.value)}
        error={fieldErrors.authorTitle}
      />
      {create.isError && Object.keys(serverFieldErrors(create.error)).length === 0 && (
        <FormAlert tone="error">{errorMessage(create.error)}</FormAlert>
      )}
      {create.isSuccess && (
        <FormAlert tone="success">
          Thank you! Your testimonial is pending review and shows here once approved.
        </FormAlert>
      )}
      <button type="submit" className="btn-primary w-full" disabled={create.isPending}>
        {create.isPending ? 'Sending…' : 'Submit testimonial'}
      </button>
    </form>
  );
}

const STATUS: Record<TestimonialStatus, { label: string; className: string }> = {
  pending: { label: 'Pending review', className: 'bg-amber-50 text-amber-700' },
  approved: { label: 'Approved', className: 'bg-emerald-50 text-emerald-700' },
  rejected: { label: 'Not published', className: 'bg-slate-100 text-slate-600' },
};

function MyTestimonials() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.testimonials.mine.queryOptions({ page: 1, limit: 20 }));
  return (
    <section
      aria-labelledby="my-testimonials-heading"
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="my-testimonials-heading" className="text-lg font-semibold text-slate-900">
        My testimonials
      </h2>
      {mine.isPending ? (
        <Skeleton className="mt-3 h-16" />
      ) : mine.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {errorMessage(mine.error)}{' '}
          <button type="button" className="underline" onClick={() => void mine.refetch()}>
            Retry
          </button>
        </p>
      ) : mine.data.testimonials.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">You have not submitted one yet.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {mine.data.testimonials.map((t) => (
            <li key={t.id} aria-label={`My testimonial of ${formatDay(t.createdAt)}`} className="text-sm">
              <div className="flex items-center justify-between gap-2">
                <Stars rating={t.rating} />
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS[t.status].className}`}>
                  {STATUS[t.status].label}
                </span>
              </div>
              <p className="mt-1 line-clamp-3 text-slate-700">{t.title ?? t.content}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

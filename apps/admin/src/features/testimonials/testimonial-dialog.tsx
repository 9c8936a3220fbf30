import type { Testimonial } from '@learningpt/schema';
import { Dialog, errorMessage, FormAlert, useTRPC } from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

export type TestimonialAction = { kind: 'approve' | 'reject' | 'delete'; testimonial: Testimonial };

const TITLES = { approve: 'Approve testimonial', reject: 'Reject testimonial', delete: 'Delete testimonial' } as const;
const BUTTONS = { approve: 'Approve', reject: 'Reject', delete: 'Delete' } as const;

export function useRefreshTestimonials() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.testimonials.pathFilter());
}

/** Confirms a moderation decision or a deletion; the lists are refetched after the server answers. */
export function TestimonialDialog({
  action,
  onClose,
  onDone,
}: {
  action: TestimonialAction | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={action !== null} title={action ? TITLES[action.kind] : ''} onClose={onClose} busy={busy}>
      {action && (
        <ActionForm
          key={`${action.kind}:${action.testimonial.id}`}
          action={action}
          onClose={onClose}
          onDone={onDone}
          onBusy={setBusy}
        />
      )}
    </Dialog>
  );
}

function ActionForm({
  action: { kind, testimonial: t },
  onClose,
  onDone,
  onBusy,
}: {
  action: TestimonialAction;
  onClose: () => void;
  onDone: (message: string) => void;
  onBusy: (busy: boolean) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshTestimonials();
  const settled = {
    onMutate: () => onBusy(true),
    onSettled: () => {
      onBusy(false);
      return refresh();
    },
  };
  const moderate = useMutation(
    trpc.testimonials.moderate.mutationOptions({
      ...settled,
      onSuccess: () =>
        onDone(
          kind === 'approve'
            ? `The testimonial of ${t.authorName} is approved: it shows on the site.`
            : `The testimonial of ${t.authorName} is rejected.`,
        ),
    }),
  );
  const remove = useMutation(
    trpc.testimonials.delete.mutationOptions({
      ...settled,
      onSuccess: () => onDone(`The testimonial of ${t.authorName} is deleted.`),
    }),
  );
  const mutation = kind === 'delete' ? remove : moderate;
  const busy = mutation.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'delete') remove.mutate({ id: t.id });
    else moderate.mutate({ id: t.id, status: kind === 'approve' ? 'approved' : 'rejected' });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <blockquote className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
        {t.title && <p className="font-medium text-slate-900">{t.title}</p>}
        <p className="mt-1 line-clamp-4">{t.content}</p>
        <footer className="mt-2 text-xs text-slate-500">
          {t.authorName} · {t.rating}/5
        </footer>
      </blockquote>
      <p className="text-sm text-slate-600">
        {kind === 'approve'
          ? 'Once approved it is public: the testimonials page and the site show it.'
          : kind === 'reject'
            ? t.status === 'approved'
              ? 'It will be taken off the site (and no longer featured). Its author sees it as not approved.'
              : 'It will not be shown on the site. Its author sees it as not approved.'
            : 'It is removed for good, from the site and from its author’s list. This cannot be undone.'}
      </p>
      {mutation.isError && <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="submit"
          className={`btn-primary ${kind === 'approve' ? '' : '!bg-red-600 hover:!bg-red-500'}`}
          disabled={busy}
        >
          {busy ? 'Saving…' : BUTTONS[kind]}
        </button>
      </div>
    </form>
  );
}

import { ZRejectApplicationInput, type InstructorApplication } from '@learningpt/schema';
import {
  Dialog,
  errorMessage,
  FormAlert,
  httpStatus,
  serverFieldErrors,
  TextAreaField,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

export type ApplicationDecision = { kind: 'approve' | 'reject'; application: InstructorApplication };

const TITLES = { approve: 'Approve application', reject: 'Reject application' } as const;

interface DecisionDialogProps {
  decision: ApplicationDecision | null;
  onClose: () => void;
  onDone: (message: string) => void;
  /** Another admin decided first (409): the queue is refetched and the page says so. */
  onConflict: (message: string) => void;
}

/**
 * Confirms approving, or rejecting with a reason, one application. Not optimistic: the queue is
 * refetched after the server answers (whatever it answers), so it shows what the server holds.
 */
export function ApplicationDecisionDialog({ decision, onClose, onDone, onConflict }: DecisionDialogProps) {
  return (
    <Dialog open={decision !== null} title={decision ? TITLES[decision.kind] : ''} onClose={onClose}>
      {decision && (
        <DecisionForm
          key={`${decision.kind}:${decision.application.id}`}
          decision={decision}
          onClose={onClose}
          onDone={onDone}
          onConflict={onConflict}
        />
      )}
    </Dialog>
  );
}

function DecisionForm({
  decision,
  onClose,
  onDone,
  onConflict,
}: DecisionDialogProps & { decision: ApplicationDecision }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { kind, application } = decision;
  const { name, email } = application.user;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const options = (message: string) => ({
    onSuccess: () => onDone(message),
    onError: (error: unknown) => {
      if (httpStatus(error) === 409)
        onConflict(`${name}’s application: ${errorMessage(error)} The list has been refreshed.`);
    },
    // The nav badge and every tab of the queue.
    onSettled: () => queryClient.invalidateQueries(trpc.instructors.applications.pathFilter()),
  });
  const approve = useMutation(
    trpc.instructors.approve.mutationOptions(options(`${name} is now an instructor. We have emailed them.`)),
  );
  const reject = useMutation(
    trpc.instructors.reject.mutationOptions(
      options(`${name}’s application was rejected. We have emailed them your reason.`),
    ),
  );
  const mutation = kind === 'approve' ? approve : reject;
  const busy = mutation.isPending;
  const reasonError = errors.reason ?? serverFieldErrors(reject.error).reason;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'approve') {
      approve.mutate({ id: application.id });
      return;
    }
    // The server's own schema, so the message is the one the server would send back.
    const checked = validate(ZRejectApplicationInput, { id: application.id, reason });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    reject.mutate(checked.data);
  }

  const who = (
    <strong className="font-medium text-slate-900">
      {name} ({email})
    </strong>
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {kind === 'approve' ? (
        <p className="text-sm text-slate-600">
          {who} will become an instructor at once: they can create programs, and we will email them the news.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {who} will be told the application was not approved, with your reason, in the app and by email. They may
            apply again.
          </p>
          <TextAreaField
            label="Reason (sent to the applicant)"
            rows={4}
            maxLength={1000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (errors.reason) setErrors({});
            }}
            error={reasonError}
            hint="10 to 1000 characters: say what they could improve."
            disabled={busy}
          />
        </>
      )}
      {mutation.isError && !reasonError && <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="submit"
          className={`btn-primary ${kind === 'reject' ? '!bg-red-600 hover:!bg-red-500' : ''}`}
          disabled={busy}
        >
          {busy ? 'Saving…' : kind === 'approve' ? 'Approve' : 'Reject application'}
        </button>
      </div>
    </form>
  );
}

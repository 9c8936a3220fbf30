import type { ProgramByIdOutput } from '@learningpt/schema';
import {
  CheckIcon,
  errorMessage,
  FormAlert,
  httpStatus,
  signInPath,
  Skeleton,
  useSession,
  useTRPC,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { ProgressBar } from '../../components/progress-bar';

interface EnrollPanelProps extends Pick<ProgramByIdOutput, 'isEnrolled' | 'userProgress' | 'access'> {
  programId: string;
  slug: string;
  isFree: boolean;
}

/**
 * The call to action under the prices: sign in, enroll (a free program, or a paid one the viewer's
 * plan includes), or (once enrolled) progress and a link into the lesson reader. A paid program
 * is otherwise bought with the buttons above; enrolling then answers 402 with the price.
 */
export function EnrollPanel({ programId, slug, isFree, isEnrolled, userProgress, access }: EnrollPanelProps) {
  const session = useSession();
  const location = useLocation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const enroll = useMutation(
    trpc.programs.enroll.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.programs.pathFilter()),
          queryClient.invalidateQueries(trpc.users.enrolledPrograms.pathFilter()),
          queryClient.invalidateQueries(trpc.notifications.pathFilter()),
        ]),
    }),
  );
  const learnPath = `/programs/${encodeURIComponent(slug)}/learn`;

  if (isEnrolled) {
    const started = (userProgress?.lessonsCompleted ?? 0) > 0;
    return (
      <div className="mt-6 rounded-xl bg-indigo-50 p-4 text-sm text-indigo-900">
        <p className="flex items-center gap-2 font-semibold">
          <CheckIcon className="size-4" /> You're enrolled
        </p>
        {enroll.isSuccess && <p className="mt-1 text-xs">{enroll.data.message}</p>}
        {userProgress && (
          <>
            <ProgressBar value={userProgress.completionPercentage} label="Progress" className="mt-3" />
            <p className="mt-2 text-xs">
              {userProgress.lessonsCompleted} of {userProgress.lessonsTotal} lessons completed
            </p>
          </>
        )}
        <Link to={learnPath} className="btn-primary mt-4 w-full">
          {started ? 'Continue learning' : 'Start learning'}
        </Link>
      </div>
    );
  }

  // A paid program the viewer's live plan includes: enrolling costs nothing more.
  const inPlan = Object.values(access).some((a) => a.via === 'subscription');
  if (!isFree && !inPlan) return null;
  if (session.status === 'loading') return <Skeleton className="mt-6 h-10 w-full rounded-lg" />;
  if (session.status !== 'signed-in') {
    return (
      <Link to={signInPath('/sign-in', location)} className="btn-primary mt-6 w-full">
        Sign in to enroll
      </Link>
    );
  }

  const paymentNeeded = enroll.isError && httpStatus(enroll.error) === 402;
  return (
    <div className="mt-6 space-y-3">
      {enroll.isError && (
        <FormAlert tone={paymentNeeded ? 'info' : 'error'}>
          <p>{errorMessage(enroll.error)}</p>
          {paymentNeeded && <p className="mt-1">The prices are listed above.</p>}
        </FormAlert>
      )}
      <button
        type="button"
        className="btn-primary w-full"
        disabled={enroll.isPending}
        onClick={() => enroll.mutate({ id: programId })}
      >
        {enroll.isPending ? 'Enrolling…' : isFree ? 'Enroll for free' : 'Enroll with your plan'}
      </button>
      {!isFree && <p className="text-center text-xs text-slate-500">Included in your subscription plan.</p>}
    </div>
  );
}

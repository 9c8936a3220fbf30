import { Skeleton, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';

/** Today's tutor messages against the plan's daily limit (ai.usage), and when the count resets. */
export function TutorUsage() {
  const trpc = useTRPC();
  const usage = useQuery(trpc.ai.usage.queryOptions(undefined, { staleTime: 0 }));
  if (usage.isPending) return <Skeleton className="h-12 w-64 rounded-lg" />;
  // The meter is a help, not the page: without it the chat still works (and refusals say why).
  if (usage.isError) return <p className="text-xs text-slate-500">Today's usage could not be loaded.</p>;
  const u = usage.data;
  const resets = `Resets ${formatDateTime(u.resetsAt)}`;
  if (u.messagesLimit === null) {
    return (
      <div className="text-sm text-slate-600" data-testid="tutor-usage">
        <p>
          <span className="font-medium text-slate-900">{u.messagesUsed}</span> messages today · unlimited on your plan
        </p>
      </div>
    );
  }
  const pct = u.messagesLimit > 0 ? Math.min(100, Math.round((u.messagesUsed / u.messagesLimit) * 100)) : 100;
  const out = (u.messagesRemaining ?? 0) <= 0;
  return (
    <div className="w-full max-w-xs text-sm" data-testid="tutor-usage">
      <p className="flex items-baseline justify-between gap-3 text-slate-600">
        <span>
          <span className="font-medium text-slate-900">
            {u.messagesUsed} of {u.messagesLimit}
          </span>{' '}
          messages today
        </span>
        {u.upgradeUrl && (
          <Link to={u.upgradeUrl} className="text-xs font-medium text-indigo-600 hover:underline">
            {out ? 'Upgrade for more' : 'Plans'}
          </Link>
        )}
      </p>
      <div
        role="meter"
        aria-label="Tutor messages used today"
        aria-valuenow={u.messagesUsed}
        aria-valuemin={0}
        aria-valuemax={u.messagesLimit}
        aria-valuetext={`${u.messagesUsed} of ${u.messagesLimit} messages used`}
        className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={`h-full transition-[width] ${out ? 'bg-amber-500' : 'bg-indigo-600'}`}
          style={{ width: `${pct}%` }}
        />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {out ? 'No messages left today. ' : `${u.messagesRemaining} left. `}
        {resets}
      </p>
    </div>
  );
}

import type { Notification } from '@learningpt/schema';
import { BellIcon, errorMessage, Skeleton, useTRPC } from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';

const LIST_SIZE = 10;
/** Pages of this app a notification may open; other links (certificates, events…) have no page yet. */
const ROUTED = /^\/(programs|learning|profile)(\/|\?|#|$)/;

/** The bell in the header: unread count, the latest notifications, mark one or all read. */
export function NotificationsBell() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions({ page: 1, limit: LIST_SIZE, unread: false }));
  const refresh = () => queryClient.invalidateQueries(trpc.notifications.list.pathFilter());
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  const unread = list.data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const read = (n: Notification) => {
    if (!n.read) markRead.mutate({ id: n.id });
  };

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="relative flex size-10 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100"
      >
        <BellIcon className="size-5" />
        <span className="sr-only">Notifications{unread > 0 ? `, ${unread} unread` : ''}</span>
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-5 text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label="Notifications"
          className="absolute right-0 z-30 mt-2 w-80 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
            <p className="text-sm font-semibold text-slate-900">Notifications</p>
            <button
              type="button"
              className="text-xs font-medium text-indigo-600 hover:underline disabled:text-slate-400 disabled:no-underline"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {markAll.isPending ? 'Marking…' : 'Mark all read'}
            </button>
          </div>
          {list.isPending ? (
            <div aria-busy="true" className="space-y-2 p-4">
              <Skeleton className="h-10" />
              <Skeleton className="h-10" />
            </div>
          ) : list.isError ? (
            <p role="alert" className="p-4 text-sm text-red-600">
              {errorMessage(list.error)}
            </p>
          ) : list.data.notifications.length === 0 ? (
            <p className="p-6 text-center text-sm text-slate-500">You have no notifications.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {list.data.notifications.map((n) => (
                <li key={n.id} className={n.read ? '' : 'bg-indigo-50/50'}>
                  <div className="flex gap-3 px-4 py-3">
                    <div className="min-w-0 flex-1 text-sm">
                      {n.link && ROUTED.test(n.link) ? (
                        <Link
                          to={n.link}
                          className="font-medium text-slate-900 hover:text-indigo-700"
                          onClick={() => {
                            read(n);
                            setOpen(false);
                          }}
                        >
                          {n.title}
                        </Link>
                      ) : (
                        <p className="font-medium text-slate-900">{n.title}</p>
                      )}
                      <p className="mt-0.5 text-slate-600">{n.body}</p>
                      <p className="mt-1 text-xs text-slate-400">{formatDateTime(n.createdAt)}</p>
                    </div>
                    {!n.read && (
                      <button
                        type="button"
                        className="h-fit shrink-0 text-xs font-medium text-indigo-600 hover:underline"
                        disabled={markRead.isPending}
                        onClick={() => read(n)}
                      >
                        Mark read<span className="sr-only">: {n.title}</span>
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {(markRead.isError || markAll.isError) && (
            <p role="alert" className="border-t border-slate-100 px-4 py-2 text-xs text-red-600">
              {errorMessage(markRead.error ?? markAll.error)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

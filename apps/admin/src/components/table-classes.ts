// The admin tables' shared cell and row-action styles (users, programs, categories).
export const th = 'whitespace-nowrap px-3 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-500';
export const td = 'px-3 py-3 align-top';
export const actionButton =
  'rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:opacity-50';

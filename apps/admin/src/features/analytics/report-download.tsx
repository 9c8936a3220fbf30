import { REPORT_KINDS, type ReportKind } from '@learningpt/schema';
import { Spinner } from '@learningpt/ui';
import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../lib/format';

export const REPORT_LABELS: Record<ReportKind, string> = {
  orders: 'Orders',
  users: 'Users',
  enrollments: 'Enrollments',
  revenue: 'Revenue by day',
  events: 'Event registrations',
};

type DownloadState =
  | { phase: 'idle' }
  | { phase: 'preparing'; rows: number; bytes: number }
  | { phase: 'done'; rows: number; file: string }
  | { phase: 'failed'; message: string };

/** The file name from Content-Disposition (attachment; filename="orders-2026-11-01-2026-11-30.csv"). */
function fileNameOf(res: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

async function failureMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: string };
    if (body.message) return body.message;
  } catch {
    // Not JSON: the status says enough.
  }
  return `The report could not be prepared (HTTP ${res.status}).`;
}

/**
 * One report as a CSV download: GET /api/admin/reports/{kind}.csv read as a stream, the rows
 * counted as they arrive (a large report takes a while), then saved as a file. Cancellable.
 */
function ReportDownload({ kind, query }: { kind: ReportKind; query: string }) {
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function download() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'preparing', rows: 0, bytes: 0 });
    try {
      const res = await fetch(`/api/admin/reports/${kind}.csv${query ? `?${query}` : ''}`, {
        credentials: 'same-origin',
        signal: controller.signal,
      });
      if (!res.ok || !res.body) {
        setState({ phase: 'failed', message: await failureMessage(res) });
        return;
      }
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let newlines = 0;
      let bytes = 0;
      let shown = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        for (const b of value) if (b === 10) newlines++;
        // Re-render at most every 64 KiB: counting, not painting, is the work here.
        if (bytes - shown >= 64 * 1024) {
          shown = bytes;
          setState({ phase: 'preparing', rows: Math.max(0, newlines - 1), bytes });
        }
      }
      const file = fileNameOf(res, `${kind}.csv`);
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      // The header line is not a row.
      setState({ phase: 'done', rows: Math.max(0, newlines - 1), file });
    } catch (err) {
      if (controller.signal.aborted) setState({ phase: 'idle' });
      else setState({ phase: 'failed', message: (err as Error).message || 'The download failed.' });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  const preparing = state.phase === 'preparing';
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
      <span className="font-medium text-slate-900">{REPORT_LABELS[kind]}</span>
      <span className="flex flex-wrap items-center gap-3">
        <span aria-live="polite" className="text-slate-500">
          {preparing && (
            <span className="inline-flex items-center gap-2">
              <Spinner className="size-4" />
              Preparing {kind}.csv… {formatNumber(state.rows)} rows so far
            </span>
          )}
          {state.phase === 'done' && `${state.file}: ${formatNumber(state.rows)} rows downloaded`}
          {state.phase === 'failed' && <span className="text-red-600">{state.message}</span>}
        </span>
        {preparing ? (
          <button type="button" className="btn-secondary" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn-secondary"
            aria-label={`Download ${REPORT_LABELS[kind]} (CSV)`}
            onClick={() => void download()}
          >
            Download CSV
          </button>
        )}
      </span>
    </li>
  );
}

/** Every report of the range, each a CSV download with its progress. */
export function ReportDownloads({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const query = new URLSearchParams({ ...(from && { from }), ...(to && { to }) }).toString();
  return (
    <section aria-labelledby="reports-heading" className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-100 px-5 py-4">
        <h2 id="reports-heading" className="font-semibold text-slate-900">
          CSV exports
        </h2>
        <p className="mt-0.5 text-sm text-slate-500">
          The same date range, one row per record; large ones take a moment.
        </p>
      </div>
      <ul className="divide-y divide-slate-100">
        {REPORT_KINDS.map((kind) => (
          <ReportDownload key={`${kind}?${query}`} kind={kind} query={query} />
        ))}
      </ul>
    </section>
  );
}

// Where certificate PDFs are rendered. Rendering is CPU-bound (tens of ms a page), so by default it
// runs in worker threads: a job worker running inside the API process (WORKER_IN_PROCESS, the
// development default) then does not stall the API's requests. When the thread's entry file is
// not there (a bundled build: the worker runs as its own process there anyway), it renders inline.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderCertificatePdf, type CertificatePdfData } from './certificate-pdf';
import type { RenderRequest, RenderResponse } from './render-thread';

export interface CertificateRenderer {
  /** 'threads': off the caller's event loop; 'inline': on it. */
  readonly mode: 'threads' | 'inline';
  render(data: CertificatePdfData): Promise<Buffer>;
  /** Ends the threads; renders still running are rejected. */
  close(): Promise<void>;
}

export interface CertificateRendererOptions {
  /** Worker threads; 0 renders inline on the calling thread. Default 1. */
  threads?: number;
}

const THREAD_ENTRY = new URL('./render-thread.ts', import.meta.url);

export function createCertificateRenderer(opts: CertificateRendererOptions = {}): CertificateRenderer {
  const threads = opts.threads ?? 1;
  if (threads <= 0 || !existsSync(fileURLToPath(THREAD_ENTRY))) {
    return { mode: 'inline', render: renderCertificatePdf, close: async () => {} };
  }
  return new ThreadPool(threads);
}

/**
 * How a thread loads the TypeScript sources: Node 20 does not run `--import` hooks in worker
 * threads, so the thread registers tsx's loader itself before importing its entry.
 */
function threadBootstrap(): string {
  const tsxApi = tsxEsmApiUrl();
  return `import(${JSON.stringify(tsxApi)})
  .then(({ register }) => { register(); return import(${JSON.stringify(THREAD_ENTRY.href)}); })
  .catch((err) => { console.error(err); process.exit(1); });`;
}

function tsxEsmApiUrl(): string {
  const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return resolve('tsx/esm/api');
    } catch {
      /* below */
    }
  }
  // require() resolves the CommonJS build; the ESM one sits beside it.
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

interface Pending {
  id: number;
  data: RenderRequest['data'];
  resolve(pdf: Buffer): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

class ThreadPool implements CertificateRenderer {
  readonly mode = 'threads' as const;
  private readonly slots: (Slot | null)[];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(size: number) {
    this.slots = Array.from({ length: size }, () => null);
  }

  render(data: CertificatePdfData): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('The certificate renderer is closed'));
    if (Number.isNaN(data.issuedAt.getTime())) return Promise.reject(new RangeError('issuedAt is not a valid date'));
    // Dates do not cross to a thread as Dates: sent as ISO strings.
    const wire = { ...data, issuedAt: data.issuedAt.toISOString() };
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, data: wire, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('The certificate renderer was closed'));
    await Promise.all(
      this.slots.map(async (slot, i) => {
        this.slots[i] = null;
        if (!slot) return;
        slot.busy?.reject(new Error('The certificate renderer was closed'));
        await slot.worker.terminate();
      }),
    );
  }

  private pump() {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      const slot = (this.slots[i] ??= this.spawn(i));
      if (slot.busy) continue;
      const job = this.queue.shift()!;
      slot.busy = job;
      // Keeps the process alive only while a render is running.
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, data: job.data } satisfies RenderRequest);
    }
  }

  private spawn(i: number): Slot {
    const worker = new Worker(threadBootstrap(), { eval: true });
    worker.unref();
    const slot: Slot = { worker, busy: null };
    worker.on('message', (res: RenderResponse) => {
      const job = slot.busy;
      if (!job || job.id !== res.id) return;
      slot.busy = null;
      worker.unref();
      if ('error' in res) job.reject(new Error(`Rendering the certificate failed: ${res.error}`));
      else job.resolve(Buffer.from(res.pdf.buffer, res.pdf.byteOffset, res.pdf.byteLength));
      this.pump();
    });
    // A thread that dies takes its render with it; the next render starts a new thread.
    const lost = (err: Error) => {
      if (this.slots[i] === slot) this.slots[i] = null;
      const job = slot.busy;
      slot.busy = null;
      job?.reject(err);
      if (!this.closed) this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The certificate render thread exited (code ${code})`)));
    return slot;
  }
}

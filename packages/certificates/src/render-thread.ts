// A worker thread that renders certificate PDFs (see render-pool.ts): react-pdf's layout is
// CPU-bound, and here it does not hold up the event loop of the process that asked.
import { parentPort } from 'node:worker_threads';
import { renderCertificatePdf, type CertificatePdfData } from './certificate-pdf';

export interface RenderRequest {
  id: number;
  data: Omit<CertificatePdfData, 'issuedAt'> & { issuedAt: string };
}
export type RenderResponse = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on('message', (req: RenderRequest) => {
  renderCertificatePdf({ ...req.data, issuedAt: new Date(req.data.issuedAt) }).then(
    (pdf: Buffer) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      parentPort!.postMessage({ id: req.id, pdf: bytes } satisfies RenderResponse);
    },
    (err: unknown) => {
      parentPort!.postMessage({
        id: req.id,
        error: err instanceof Error ? err.message : String(err),
      } satisfies RenderResponse);
    },
  );
});

export {
  renderCertificatePdf,
  formatIssuedDate,
  CertificateDocument,
  type CertificatePdfData,
} from './certificate-pdf';
export { createCertificateRenderer, type CertificateRenderer, type CertificateRendererOptions } from './render-pool';
export * from './credentials';

/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The certificate as a one-page A4 landscape PDF: the learner's name (any script, see fonts.ts),
// the program, the date, the score, the verification code and a QR code to the public verify page.
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import QRCode from 'qrcode';
import { fontStackFor } from './fonts';

export interface CertificatePdfData {
  learnerName: string;
  programTitle: string;
  issuedAt: Date;
  /** 0-100. */
  scorePercent: number;
  verificationCode: string;
  /** The public verify page of this certificate (what the QR code holds). */
  verifyUrl: string;
  /** Default "LearninGPT". */
  issuerName?: string;
}

const INK = '#111827';
const MUTED = '#4b5563';
const ACCENT = '#4338ca';

const styles = StyleSheet.create({
  page: { padding: 28, backgroundColor: '#ffffff', color: INK },
  frame: {
    flexGrow: 1,
    borderWidth: 3,
    borderColor: ACCENT,
    padding: 6,
  },
  inner: {
    flexGrow: 1,
    borderWidth: 1,
    borderColor: '#c7d2fe',
    paddingVertical: 36,
    paddingHorizontal: 56,
    alignItems: 'center',
  },
  issuer: { fontSize: 15, fontWeight: 'bold', color: ACCENT },
  title: { marginTop: 22, fontSize: 34, fontWeight: 'bold', textAlign: 'center' },
  lead: { marginTop: 24, fontSize: 14, color: MUTED },
  name: { marginTop: 10, fontWeight: 'bold', textAlign: 'center' },
  rule: { marginTop: 8, width: 380, borderBottomWidth: 1, borderBottomColor: '#9ca3af' },
  program: { marginTop: 8, fontSize: 22, fontWeight: 'bold', textAlign: 'center', color: ACCENT },
  facts: { marginTop: 14, fontSize: 13, color: MUTED, textAlign: 'center' },
  footer: {
    marginTop: 'auto',
    width: '100%',
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
  },
  verifyLabel: { fontSize: 9, color: MUTED },
  code: { marginTop: 3, fontSize: 13, fontWeight: 'bold', letterSpacing: 1 },
  url: { marginTop: 3, fontSize: 9, color: MUTED },
  qr: { width: 92, height: 92 },
});

/** Long names get smaller type so they stay on one or two lines. */
function nameSize(name: string): number {
  const n = [...name].length;
  return n <= 24 ? 36 : n <= 40 ? 30 : n <= 60 ? 24 : 18;
}

/** "15 November 2024", in UTC, so the date printed does not depend on the server's zone. */
export function formatIssuedDate(d: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    d,
  );
}

export function CertificateDocument({ data, qrDataUrl }: { data: CertificatePdfData; qrDataUrl: string }) {
  const issuer = data.issuerName ?? 'LearninGPT';
  const score = Math.round(data.scorePercent);
  const fontFamily = fontStackFor([data.learnerName, data.programTitle, issuer, data.verifyUrl]);
  return (
    <Document
      title={`Certificate: ${data.programTitle}`}
      author={issuer}
      subject={`${data.learnerName} completed ${data.programTitle}`}
      creator={issuer}
      producer={issuer}
      // Fixed metadata dates: the same certificate renders to the same bytes.
      creationDate={data.issuedAt}
      modificationDate={data.issuedAt}
    >
      <Page size="A4" orientation="landscape" style={[styles.page, { fontFamily }]}>
        <View style={styles.frame}>
          <View style={styles.inner}>
            <Text style={styles.issuer}>{issuer}</Text>
            <Text style={styles.title}>Certificate of Completion</Text>
            <Text style={styles.lead}>This certifies that</Text>
            <Text style={[styles.name, { fontSize: nameSize(data.learnerName) }]}>{data.learnerName}</Text>
            <View style={styles.rule} />
            <Text style={styles.lead}>has successfully completed</Text>
            <Text style={styles.program}>{data.programTitle}</Text>
            <Text style={styles.facts}>
              with a score of {score}% · issued {formatIssuedDate(data.issuedAt)}
            </Text>
            <View style={styles.footer}>
              <View>
                <Text style={styles.verifyLabel}>Verification code</Text>
                <Text style={styles.code}>{data.verificationCode}</Text>
                <Text style={styles.url}>Verify at {data.verifyUrl}</Text>
              </View>
              <Image style={styles.qr} src={qrDataUrl} />
            </View>
          </View>
        </View>
      </Page>
    </Document>
  );
}

/** Renders the PDF on the calling thread: CPU-bound (~50-100 ms), so call it off the API's event loop. */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const qrDataUrl = await QRCode.toDataURL(data.verifyUrl, { errorCorrectionLevel: 'M', margin: 0, width: 368 });
  return renderToBuffer(<CertificateDocument data={data} qrDataUrl={qrDataUrl} />);
}

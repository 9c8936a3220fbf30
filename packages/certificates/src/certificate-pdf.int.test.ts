import { describe, expect, it } from 'vitest';
import { createCertificateRenderer, type CertificateRenderer } from './render-pool';
import type { CertificatePdfData } from './certificate-pdf';
import { readPdfText } from './testing/pdf-text';

const NAME = 'Zoë Łukasiewicz-Ångström 李雷';
const data: CertificatePdfData = {
  learnerName: NAME,
  programTitle: 'React Mastery: Hooks & State',
  issuedAt: new Date('2026-11-23T12:00:00Z'),
  scorePercent: 92,
  verificationCode: 'CERT-2026-ABCDEFGHJKMNPQRS',
  verifyUrl: 'https://app.example.com/verify/CERT-2026-ABCDEFGHJKMNPQRS',
};

async function renderWith(threads: number): Promise<{ mode: CertificateRenderer['mode']; pdf: Buffer }> {
  const renderer = createCertificateRenderer({ threads });
  try {
    return { mode: renderer.mode, pdf: await renderer.render(data) };
  } finally {
    await renderer.close();
  }
}

describe('certificate PDF', () => {
  it.each([
    ['inline', 0],
    ['threads', 1],
  ] as const)('renders %s: one A4 landscape page with the name in any script as text', async (mode, threads) => {
    const out = await renderWith(threads);
    expect(out.mode).toBe(mode);
    expect(out.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await readPdfText(out.pdf);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    // A4 landscape: 297 × 210 mm = 841.89 × 595.28 pt.
    expect(page!.view.map(Math.round)).toEqual([0, 0, 842, 595]);
    expect(page!.text).toContain(NAME);
    for (const fact of [
      'React Mastery: Hooks & State',
      '92%',
      '23 November 2026',
      data.verificationCode,
      data.verifyUrl,
    ]) {
      expect(page!.text).toContain(fact);
    }
    // Drawn with fonts that have the characters: the ideographs in Noto Sans SC, the rest in DejaVu.
    const fontOf = (ch: string) => page!.items.find((i) => i.str.includes(ch))?.font;
    expect(fontOf('李')).toMatch(/^NotoSansSC/);
    expect(fontOf('雷')).toMatch(/^NotoSansSC/);
    expect(fontOf('Łukasiewicz')).toMatch(/^DejaVuSans/);
  });

  it('renders the same bytes for the same certificate, in a thread or not', async () => {
    const [a, b] = [await renderWith(0), await renderWith(1)];
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });

  it('keeps rendering after a render that fails in the thread', async () => {
    const renderer = createCertificateRenderer({ threads: 1 });
    try {
      // The QR code cannot hold this much: the thread's render throws.
      await expect(renderer.render({ ...data, verifyUrl: 'x'.repeat(8000) })).rejects.toThrow(
        /Rendering the certificate failed/,
      );
      const pages = await readPdfText(await renderer.render(data));
      expect(pages[0]!.text).toContain(NAME);
    } finally {
      await renderer.close();
    }
  });
});

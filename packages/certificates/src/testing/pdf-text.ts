// Reads a PDF back the way a PDF viewer does (Mozilla's pdf.js), for tests: the text of each
// page and the font each piece of text is drawn with.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  str: string;
  /** The embedded font's PostScript name without its subset tag, e.g. "NotoSansSC-Bold". */
  font: string;
}

export interface PdfPageText {
  text: string;
  items: PdfTextItem[];
  /** [x0, y0, x1, y1] in points. */
  view: number[];
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfPageText[]> {
  // pdf.js may take ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      await page.getOperatorList(); // loads the page's fonts into commonObjs
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) => {
        if (!('str' in item) || item.str === '') return [];
        const font = page.commonObjs.get(item.fontName) as { name?: string } | undefined;
        return [{ str: item.str, font: (font?.name ?? '').replace(/^[A-Z]{6}\+/, '') }];
      });
      pages.push({ text: items.map((i) => i.str).join(''), items, view: [...page.view] });
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

// Fonts for any learner's name. react-pdf's built-in fonts are Latin-1 only, and nothing can be
// downloaded at run time, so the fonts come from npm packages: DejaVu Sans (TTF: Latin, Greek,
// Cyrillic, Armenian, Georgian, Hebrew, Arabic …) first, then the pieces of Noto Sans SC (WOFF,
// Chinese ideographs and kana) that hold the characters DejaVu lacks. Noto Sans SC ships as ~100
// unicode-range subsets; only the ones a document needs are registered and loaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

const dejavuDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const notoDir = path.dirname(require.resolve('@fontsource/noto-sans-sc/unicode.json'));

export const DEJAVU = 'DejaVu Sans';
const DEJAVU_REGULAR = path.join(dejavuDir, 'DejaVuSans.ttf');
const DEJAVU_BOLD = path.join(dejavuDir, 'DejaVuSans-Bold.ttf');

// One font, loaded once per process, to ask which characters DejaVu has.
let dejavuFace: { hasGlyphForCodePoint(cp: number): boolean } | undefined;
function dejavuHas(cp: number): boolean {
  dejavuFace ??= fontkit.openSync(DEJAVU_REGULAR) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
  return dejavuFace.hasGlyphForCodePoint(cp);
}

interface Subset {
  /** The family it is registered as, e.g. "Noto Sans SC 113". */
  family: string;
  ranges: [number, number][];
  regular: string;
  bold: string;
}

let subsets: Subset[] | undefined;
/** Noto Sans SC's numbered subsets and the code points each holds (fontsource's unicode.json). */
function notoSubsets(): Subset[] {
  if (subsets) return subsets;
  const table = JSON.parse(readFileSync(path.join(notoDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  subsets = Object.entries(table).flatMap(([name, ranges]) => {
    // "[113]": numbered CJK pieces; the named ones (latin, cyrillic …) are DejaVu's job.
    const n = /^\[(\d+)\]$/.exec(name)?.[1];
    if (n === undefined) return [];
    const file = (weight: number) => path.join(notoDir, 'files', `noto-sans-sc-${n}-${weight}-normal.woff`);
    return [{ family: `Noto Sans SC ${n}`, ranges: parseRanges(ranges), regular: file(400), bold: file(700) }];
  });
  return subsets;
}

/** "U+4e00-4e3f,U+4e41" -> [[0x4e00, 0x4e3f], [0x4e41, 0x4e41]]. */
export function parseRanges(css: string): [number, number][] {
  return css.split(',').flatMap((part): [number, number][] => {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) return [];
    const lo = parseInt(m[1]!, 16);
    return [[lo, m[2] ? parseInt(m[2], 16) : lo]];
  });
}

const registered = new Set<string>();
function register(family: string, regular: string, bold: string) {
  if (registered.has(family)) return;
  Font.register({
    family,
    fonts: [
      { src: regular, fontWeight: 'normal' },
      { src: bold, fontWeight: 'bold' },
    ],
  });
  registered.add(family);
}

/**
 * The font stack for a document showing these texts: DejaVu Sans, then every Noto Sans SC piece
 * that holds a character DejaVu lacks (registered on first use). react-pdf picks, per character,
 * the first family in the list that has it.
 */
export function fontStackFor(texts: readonly string[]): string[] {
  register(DEJAVU, DEJAVU_REGULAR, DEJAVU_BOLD);
  // No hyphens invented inside names and titles.
  Font.registerHyphenationCallback((word) => [word]);
  const missing = new Set<number>();
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp > 0x20 && !dejavuHas(cp)) missing.add(cp);
    }
  }
  const stack = [DEJAVU];
  if (missing.size === 0) return stack;
  for (const subset of notoSubsets()) {
    if (![...missing].some((cp) => subset.ranges.some(([lo, hi]) => cp >= lo && cp <= hi))) continue;
    register(subset.family, subset.regular, subset.bold);
    stack.push(subset.family);
  }
  return stack;
}

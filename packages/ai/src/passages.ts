// How course passages travel in the tutor's system prompt. The prompt builder writes them with
// formatPassages; the offline tutor reads them back with parsePassages, so the offline answer can
// quote and cite exactly what a provider's model would have been given.

export interface Passage {
  /** 1-based number, as cited in answers: [1], [2], ... */
  n: number;
  lessonTitle: string;
  programTitle: string;
  text: string;
}

const OPEN = '<course-passages>';
const CLOSE = '</course-passages>';

export function formatPassages(passages: readonly Passage[]): string {
  if (passages.length === 0) return `${OPEN}\n(none found for this question)\n${CLOSE}`;
  const body = passages
    .map((p) => `[${p.n}] Lesson "${oneLine(p.lessonTitle)}" (program "${oneLine(p.programTitle)}")\n${p.text.trim()}`)
    .join('\n\n');
  return `${OPEN}\n${body}\n${CLOSE}`;
}

export function parsePassages(text: string): Passage[] {
  const start = text.indexOf(OPEN);
  const end = text.indexOf(CLOSE, start);
  if (start < 0 || end < 0) return [];
  const block = text.slice(start + OPEN.length, end);
  const out: Passage[] = [];
  const re = /^\[(\d+)\] Lesson "([^"\n]*)" \(program "([^"\n]*)"\)\n([\s\S]*?)(?=\n\n\[\d+\] Lesson "|\s*$)/gm;
  for (const m of block.matchAll(re)) {
    out.push({ n: Number(m[1]), lessonTitle: m[2]!, programTitle: m[3]!, text: m[4]!.trim() });
  }
  return out;
}

const oneLine = (s: string) => s.replace(/["\n\r]+/g, ' ').trim();

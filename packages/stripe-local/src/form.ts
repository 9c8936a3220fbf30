// Stripe's request encoding: application/x-www-form-urlencoded with bracket notation, the same in
// query strings (GET/DELETE) and bodies (POST). `metadata[a]=1&items[0][price]=p&expand[0]=x`
// becomes { metadata: { a: '1' }, items: [{ price: 'p' }], expand: ['x'] }. Values stay strings;
// each endpoint converts the fields it reads.

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  if (!text) return root;
  const appended = { count: 0 };
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    const path = keyPath(rawKey, appended);
    if (path.length === 0) continue;
    let node: FormObject = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        node[part] = value;
        return;
      }
      const next = node[part];
      if (typeof next !== 'object' || Array.isArray(next)) node[part] = {};
      node = node[part] as FormObject;
    });
  }
  return arraysOf(root) as FormObject;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** `a[b][0]` -> ['a', 'b', '0']; `a[]` appends (as the index of the next element). */
function keyPath(key: string, appended: { count: number }): string[] {
  const first = key.indexOf('[');
  if (first === -1) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key.slice(first))) !== null) parts.push(m[1] === '' ? `__append${appended.count++}` : m[1]!);
  return parts;
}

/** Objects whose keys are all indices become arrays, in index order. */
function arraysOf(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = arraysOf(value[k]!);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k) || k.startsWith('__append'))) {
    return keys
      .sort((a, b) => order(a) - order(b))
      .map((k) => value[k]!)
      .filter((v) => v !== undefined);
  }
  return value;
}

const order = (k: string) => (k.startsWith('__append') ? 1e9 + Number(k.slice(8)) : Number(k));

// ── Reading fields ───────────────────────────────────────────────────────────

export const str = (v: FormValue | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

export function int(v: FormValue | undefined): number | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  if (!/^-?\d+$/.test(s)) throw new ParamError(`Invalid integer: ${s}`);
  return Number(s);
}

export function bool(v: FormValue | undefined): boolean | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  if (s !== 'true' && s !== 'false') throw new ParamError(`Invalid boolean: ${s}`);
  return s === 'true';
}

export const obj = (v: FormValue | undefined): FormObject =>
  v !== undefined && typeof v === 'object' && !Array.isArray(v) ? v : {};

export const list = (v: FormValue | undefined): FormValue[] =>
  Array.isArray(v) ? v : v !== undefined && typeof v === 'object' ? Object.values(v) : [];

/** metadata: string values only; an empty value removes the key (as Stripe does on update). */
export function metadataOf(v: FormValue | undefined, current: Record<string, string> = {}): Record<string, string> {
  if (v === '') return {};
  const out = { ...current };
  for (const [k, val] of Object.entries(obj(v))) {
    if (typeof val !== 'string') throw new ParamError(`Invalid metadata value for ${k}`);
    if (val === '') delete out[k];
    else out[k] = val;
  }
  return out;
}

export class ParamError extends Error {
  constructor(
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

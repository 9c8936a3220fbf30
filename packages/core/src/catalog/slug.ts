/** "Advanced React: Patterns & Hooks!" -> "advanced-react-patterns-hooks" (the slug CHECK format). */
export function slugify(text: string, fallback = 'item', maxLength = 80): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents: "Zoë" -> "Zoe"
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, maxLength) || fallback;
}

/**
 * The first free slug among `base`, `base-2`, `base-3`, ... given the slugs already taken that
 * start with `base` (callers fetch those, insert, and retry on a unique violation from a race).
 */
export function nextFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

import type { Category } from '@learningpt/schema';

export interface CategoryOption {
  slug: string;
  name: string;
  depth: number;
  programCount: number;
}

function byOrder(a: Category, b: Category) {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);
}

/** Flattens the category tree depth-first (parents before their children) for a select. */
export function categoryOptions(categories: Category[]): CategoryOption[] {
  const ids = new Set(categories.map((c) => c.id));
  const children = new Map<string | null, Category[]>();
  for (const c of categories) {
    // A parent missing from the list (not published) would hide its children: show them as roots.
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const out: CategoryOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const c of (children.get(parent) ?? []).sort(byOrder)) {
      out.push({ slug: c.slug, name: c.name, depth, programCount: c.programCount });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

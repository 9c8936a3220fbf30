import type { Db } from '@learningpt/db';
import type { Category } from '@learningpt/schema';

/**
 * Active categories in tree order (each parent followed by its children), each with the number of
 * published programs in it and in its sub-categories.
 */
export async function listCategories({ db }: { db: Db }): Promise<Category[]> {
  const [categories, counts] = await Promise.all([
    db.category.findMany({
      where: { isActive: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    }),
    db.program.groupBy({
      by: ['categoryId'],
      where: { status: 'published', deletedAt: null },
      _count: { _all: true },
    }),
  ]);

  const own = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  const children = new Map<string | null, typeof categories>();
  for (const c of categories) {
    const key = c.parentId && categories.some((p) => p.id === c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }

  const out: Category[] = [];
  const visit = (parentId: string | null): number => {
    let sum = 0;
    for (const c of children.get(parentId) ?? []) {
      const index = out.length;
      out.push({
        id: c.id,
        name: c.name,
        slug: c.slug,
        description: c.description,
        imageUrl: c.imageUrl,
        parentId: c.parentId,
        sortOrder: c.sortOrder,
        programCount: 0,
      });
      const total = (own.get(c.id) ?? 0) + visit(c.id);
      out[index]!.programCount = total;
      sum += total;
    }
    return sum;
  };
  visit(null);
  return out;
}

/** The ids of a category (by slug or id) and all its descendants; null when it does not exist. */
export async function categorySubtreeIds({ db, category }: { db: Db; category: string }): Promise<string[] | null> {
  const all = await db.category.findMany({ select: { id: true, slug: true, parentId: true } });
  const root = all.find((c) => c.slug === category || c.id === category);
  if (!root) return null;
  const ids = [root.id];
  for (let i = 0; i < ids.length; i++) {
    for (const c of all) if (c.parentId === ids[i]) ids.push(c.id);
  }
  return ids;
}

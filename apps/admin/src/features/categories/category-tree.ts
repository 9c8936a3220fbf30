import type { AdminCategory } from '@learningpt/schema';
import { useTRPC } from '@learningpt/ui';
import { useQueryClient } from '@tanstack/react-query';

/** A category in tree order with how deep it sits (0 for a top-level one). */
export interface TreeRow {
  category: AdminCategory;
  depth: number;
}

/**
 * admin.categories.list arrives flat (by sort order, then name): this puts parents before their
 * children, keeping that order among siblings. A category whose parent is missing shows at the top.
 */
export function treeOrder(categories: AdminCategory[]): TreeRow[] {
  const ids = new Set(categories.map((c) => c.id));
  const children = new Map<string | null, AdminCategory[]>();
  for (const c of categories) {
    const key = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const out: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (parentId: string | null, depth: number) => {
    for (const c of children.get(parentId) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ category: c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  // Only reachable with a cycle in the data; still listed rather than hidden.
  for (const c of categories) if (!seen.has(c.id)) out.push({ category: c, depth: 0 });
  return out;
}

/** After any change: the admin list and the public tree (other pages use it). */
export function useInvalidateCategories(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.categories.pathFilter()),
      queryClient.invalidateQueries(trpc.categories.pathFilter()),
    ]);
  };
}

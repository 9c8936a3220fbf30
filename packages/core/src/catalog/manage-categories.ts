import { isUniqueViolation, type Category as CategoryRow, type Db, type Prisma } from '@learningpt/db';
import type { AdminCategory, CategoryRecord } from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import type { Clock } from '../shared/clock';
import { AppError, invalidField } from '../shared/errors';
import { slugify } from './slug';

// Category tree writes take this transaction-scoped advisory lock, so two concurrent moves
// (A under B, B under A) cannot together create a cycle that neither saw.
const TREE_LOCK = 7_202_611;

interface Deps {
  db: Db;
  clock: Clock;
  actorId: string;
}

export interface CategoryFields {
  name?: string | undefined;
  slug?: string | undefined;
  description?: string | null | undefined;
  imageUrl?: string | null | undefined;
  parentId?: string | null | undefined;
  sortOrder?: number | undefined;
  isActive?: boolean | undefined;
}

function toRecord(c: CategoryRow): CategoryRecord {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    description: c.description,
    imageUrl: c.imageUrl,
    parentId: c.parentId,
    sortOrder: c.sortOrder,
    isActive: c.isActive,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/**
 * admin.categories.list: every category, inactive ones included (categories.list shows only the
 * active ones), ordered as the public list is, each with its program and sub-category counts.
 */
export async function listCategoriesForAdmin({ db }: { db: Db }): Promise<{ categories: AdminCategory[] }> {
  const [rows, programs, children] = await Promise.all([
    db.category.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }, { id: 'asc' }] }),
    db.program.groupBy({ by: ['categoryId'], where: { deletedAt: null }, _count: { _all: true } }),
    db.category.groupBy({ by: ['parentId'], where: { parentId: { not: null } }, _count: { _all: true } }),
  ]);
  const programCount = new Map(programs.map((p) => [p.categoryId, p._count._all]));
  const childCount = new Map(children.map((c) => [c.parentId, c._count._all]));
  return {
    categories: rows.map((c) => ({
      ...toRecord(c),
      programCount: programCount.get(c.id) ?? 0,
      childCount: childCount.get(c.id) ?? 0,
    })),
  };
}

const slugTaken = (slug: string) =>
  new AppError('CONFLICT', `A category with the slug "${slug}" already exists; choose another slug.`);

async function assertParent(tx: Prisma.TransactionClient, parentId: string, movingId: string | null) {
  const parent = await tx.category.findUnique({ where: { id: parentId }, select: { id: true } });
  if (!parent) {
    throw invalidField('parentId', 'The parent category does not exist.');
  }
  if (movingId === null) return;
  // Walk up from the new parent: meeting the category itself means it would become its own ancestor.
  const all = await tx.category.findMany({ select: { id: true, parentId: true } });
  const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
  for (let at: string | null | undefined = parentId, hops = 0; at && hops <= all.length; hops++) {
    if (at === movingId) {
      throw new AppError(
        'UNPROCESSABLE',
        'A category cannot be placed under itself or one of its own sub-categories.',
        { issues: [{ path: ['parentId'], message: 'Would create a cycle' }] },
      );
    }
    at = parentOf.get(at);
  }
}

export async function createCategory({
  db,
  clock,
  actorId,
  input,
}: Deps & { input: CategoryFields & { name: string } }) {
  const slug = input.slug ?? slugify(input.name, 'category');
  try {
    const created = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_LOCK}::bigint)`;
      if (input.parentId) await assertParent(tx, input.parentId, null);
      const now = clock.now();
      const row = await tx.category.create({
        data: {
          name: input.name,
          slug,
          description: input.description ?? null,
          imageUrl: input.imageUrl ?? null,
          parentId: input.parentId ?? null,
          sortOrder: input.sortOrder ?? 0,
          isActive: input.isActive ?? true,
          createdAt: now,
          updatedAt: now,
        },
      });
      await writeAudit(tx, { clock, actorId, action: 'category.create', entityType: 'Category', entityId: row.id });
      return row;
    });
    return { category: toRecord(created) };
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(slug);
    throw err;
  }
}

export async function updateCategory({ db, clock, actorId, id, input }: Deps & { id: string; input: CategoryFields }) {
  try {
    const updated = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_LOCK}::bigint)`;
      const current = await tx.category.findUnique({ where: { id } });
      if (!current) throw new AppError('NOT_FOUND', 'Category not found');
      if (input.parentId) await assertParent(tx, input.parentId, id);
      const row = await tx.category.update({
        where: { id },
        data: {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.slug !== undefined && { slug: input.slug }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.imageUrl !== undefined && { imageUrl: input.imageUrl }),
          ...(input.parentId !== undefined && { parentId: input.parentId }),
          ...(input.sortOrder !== undefined && { sortOrder: input.sortOrder }),
          ...(input.isActive !== undefined && { isActive: input.isActive }),
          updatedAt: clock.now(),
        },
      });
      await writeAudit(tx, {
        clock,
        actorId,
        action: 'category.update',
        entityType: 'Category',
        entityId: id,
        data: { fields: Object.keys(input) },
      });
      return row;
    });
    return { category: toRecord(updated) };
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(input.slug ?? '');
    throw err;
  }
}

/** Refused (409) while programs (even soft-deleted ones) or sub-categories still point at it. */
export async function deleteCategory({ db, clock, actorId, id }: Deps & { id: string }) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_LOCK}::bigint)`;
    const category = await tx.category.findUnique({
      where: { id },
      select: { id: true, name: true, _count: { select: { programs: true, children: true } } },
    });
    if (!category) throw new AppError('NOT_FOUND', 'Category not found');
    const { programs, children } = category._count;
    if (programs > 0 || children > 0) {
      const parts = [
        programs > 0 ? `${programs} program${programs === 1 ? '' : 's'}` : null,
        children > 0 ? `${children} sub-categor${children === 1 ? 'y' : 'ies'}` : null,
      ].filter(Boolean);
      throw new AppError(
        'CONFLICT',
        `"${category.name}" still has ${parts.join(' and ')}; move ${programs + children === 1 ? 'it' : 'them'} to another category first (or deactivate it with isActive: false).`,
        { programs, children },
      );
    }
    await tx.category.delete({ where: { id } });
    await writeAudit(tx, { clock, actorId, action: 'category.delete', entityType: 'Category', entityId: id });
    return { id, message: `Category "${category.name}" deleted.` };
  });
}

// FAQs: published ones for everyone, grouped by category in their sort order; admins manage them.
import { Prisma, type Db } from '@learningpt/db';
import type { Faq, FaqListOutput, FaqStatus } from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import { sanitizeRichText } from '../html/sanitize';
import type { Clock } from '../shared/clock';
import { AppError, invalidField } from '../shared/errors';
import type { Viewer } from '../shared/viewer';

export const FAQ_NOT_FOUND = 'FAQ not found';

const toFaq = (f: Faq): Faq => ({
  id: f.id,
  question: f.question,
  answer: f.answer,
  category: f.category,
  sortOrder: f.sortOrder,
  status: f.status,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
});

/** Categories alphabetically (the uncategorised last), then the admin's order, then age. */
const FAQ_ORDER: Prisma.FaqOrderByWithRelationInput[] = [
  { category: { sort: 'asc', nulls: 'last' } },
  { sortOrder: 'asc' },
  { createdAt: 'asc' },
  { id: 'asc' },
];

const categoryWhere = (category: string | undefined): Prisma.FaqWhereInput =>
  category ? { category: { equals: category, mode: 'insensitive' } } : {};

function groupByCategory(faqs: Faq[]): FaqListOutput['categories'] {
  const groups: FaqListOutput['categories'] = [];
  for (const faq of faqs) {
    const last = groups.at(-1);
    if (last && last.category === faq.category) last.faqs.push(faq);
    else groups.push({ category: faq.category, faqs: [faq] });
  }
  return groups;
}

/** faqs.list: published FAQs, optionally of one category (case-insensitive) or matching a search. */
export async function findFaqs({
  db,
  category,
  search,
}: {
  db: Db;
  category?: string | undefined;
  search?: string | undefined;
}): Promise<FaqListOutput> {
  const rows = await db.faq.findMany({
    where: {
      status: 'published',
      ...categoryWhere(category),
      ...(search && {
        OR: [
          { question: { contains: search, mode: 'insensitive' } },
          { answer: { contains: search, mode: 'insensitive' } },
        ],
      }),
    },
    orderBy: FAQ_ORDER,
  });
  const faqs = rows.map(toFaq);
  return { faqs, categories: groupByCategory(faqs) };
}

/** faqs.manage (admins): every FAQ, drafts included, in the public order. */
export async function findFaqsForAdmin({
  db,
  category,
  status,
}: {
  db: Db;
  category?: string | undefined;
  status?: FaqStatus | undefined;
}) {
  const rows = await db.faq.findMany({
    where: { ...categoryWhere(category), ...(status && { status }) },
    orderBy: FAQ_ORDER,
  });
  return { faqs: rows.map(toFaq) };
}

function safeAnswer(html: string): string {
  const clean = sanitizeRichText(html);
  if (clean.replace(/<[^>]*>/g, '').trim() === '') {
    throw invalidField('answer', 'answer is empty once unsupported HTML (scripts, styles, forms) is removed');
  }
  return clean;
}

/** The stored spelling of a category already in use ("billing" joins "Billing"), or the new one. */
async function canonicalCategory(db: Db | Prisma.TransactionClient, category: string | null | undefined) {
  if (!category) return null;
  const existing = await db.faq.findFirst({
    where: { category: { equals: category, mode: 'insensitive' } },
    select: { category: true },
    orderBy: { createdAt: 'asc' },
  });
  return existing?.category ?? category;
}

/** faqs.create (admins): placed after the last FAQ of its category unless a sortOrder is given. */
export async function createFaq({
  db,
  clock,
  viewer,
  input,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  input: {
    question: string;
    answer: string;
    category?: string | null | undefined;
    sortOrder?: number | undefined;
    status: FaqStatus;
  };
}) {
  const answer = safeAnswer(input.answer);
  const faq = await db.$transaction(async (tx) => {
    const category = await canonicalCategory(tx, input.category);
    let sortOrder = input.sortOrder;
    if (sortOrder === undefined) {
      const last = await tx.faq.aggregate({ where: { category }, _max: { sortOrder: true } });
      sortOrder = last._max.sortOrder === null ? 0 : last._max.sortOrder + 1;
    }
    const now = clock.now();
    const row = await tx.faq.create({
      data: {
        question: input.question,
        answer,
        category,
        sortOrder,
        status: input.status,
        createdAt: now,
        updatedAt: now,
      },
    });
    await writeAudit(tx, { clock, actorId: viewer.userId, action: 'faq.create', entityType: 'Faq', entityId: row.id });
    return row;
  });
  return { faq: toFaq(faq) };
}

/** faqs.update (admins). */
export async function updateFaq({
  db,
  clock,
  viewer,
  id,
  input,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  id: string;
  input: {
    question?: string | undefined;
    answer?: string | undefined;
    category?: string | null | undefined;
    sortOrder?: number | undefined;
    status?: FaqStatus | undefined;
  };
}) {
  const answer = input.answer !== undefined ? safeAnswer(input.answer) : undefined;
  const faq = await db.$transaction(async (tx) => {
    const existing = await tx.faq.findUnique({ where: { id }, select: { id: true } });
    if (!existing) throw new AppError('NOT_FOUND', FAQ_NOT_FOUND);
    const row = await tx.faq.update({
      where: { id },
      data: {
        ...(input.question !== undefined && { question: input.question }),
        ...(answer !== undefined && { answer }),
        ...(input.category !== undefined && { category: await canonicalCategory(tx, input.category) }),
        ...(input.sortOrder !== undefined && { sortOrder: input.sortOrder }),
        ...(input.status !== undefined && { status: input.status }),
        updatedAt: clock.now(),
      },
    });
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: 'faq.update',
      entityType: 'Faq',
      entityId: id,
      data: { fields: Object.keys(input) },
    });
    return row;
  });
  return { faq: toFaq(faq) };
}

/** faqs.delete (admins). */
export async function deleteFaq({ db, clock, viewer, id }: { db: Db; clock: Clock; viewer: Viewer; id: string }) {
  return db.$transaction(async (tx) => {
    const gone = await tx.faq.deleteMany({ where: { id } });
    if (gone.count === 0) throw new AppError('NOT_FOUND', FAQ_NOT_FOUND);
    await writeAudit(tx, { clock, actorId: viewer.userId, action: 'faq.delete', entityType: 'Faq', entityId: id });
    return { id, message: 'The FAQ was deleted.' };
  });
}

/**
 * faqs.reorder (admins): `ids` must be every FAQ of the category (drafts included), each once;
 * they get sortOrder 0, 1, 2, ... in that order. The category's rows are locked meanwhile, so a
 * concurrent create or reorder cannot interleave.
 */
export async function reorderFaqs({
  db,
  clock,
  viewer,
  category,
  ids,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  category: string | null;
  ids: string[];
}) {
  const faqs = await db.$transaction(async (tx) => {
    const existing = category
      ? await tx.$queryRaw<{ id: string; category: string }[]>`
          SELECT id, category FROM "Faq" WHERE lower(category) = lower(${category}) ORDER BY id FOR UPDATE`
      : await tx.$queryRaw<{ id: string; category: null }[]>`
          SELECT id, category FROM "Faq" WHERE category IS NULL ORDER BY id FOR UPDATE`;
    if (existing.length === 0) {
      throw invalidField('category', `There are no FAQs in the category "${category ?? '(none)'}"`);
    }
    const given = [...ids].sort();
    const have = existing.map((r) => r.id).sort();
    if (given.length !== have.length || given.some((x, i) => x !== have[i])) {
      throw invalidField(
        'ids',
        `List every FAQ of this category exactly once (${have.length} expected, ${ids.length} given).`,
      );
    }
    const now = clock.now();
    const values = Prisma.join(ids.map((id, i) => Prisma.sql`(${id}::uuid, ${i}::int)`));
    await tx.$executeRaw`
      UPDATE "Faq" f SET "sortOrder" = v.pos, "updatedAt" = ${now}
      FROM (VALUES ${values}) AS v(id, pos) WHERE f.id = v.id`;
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: 'faq.reorder',
      entityType: 'Faq',
      data: { category, ids },
    });
    return tx.faq.findMany({ where: { id: { in: ids } }, orderBy: FAQ_ORDER });
  });
  return { faqs: faqs.map(toFaq) };
}

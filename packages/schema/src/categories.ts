import { z } from 'zod';
import { ZId } from './common';

export const ZCategory = z.object({
  id: ZId,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  imageUrl: z.string().nullable(),
  parentId: ZId.nullable(),
  sortOrder: z.number().int(),
  /** Published programs in this category and its sub-categories. */
  programCount: z.number().int(),
});
export type Category = z.infer<typeof ZCategory>;

export const ZCategoryListOutput = z.object({ categories: z.array(ZCategory) });
export type CategoryListOutput = z.infer<typeof ZCategoryListOutput>;

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

/** Lower-case words joined by single dashes, as the database's CHECK constraints require. */
export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'slug cannot be empty')
  .max(100, 'slug can be at most 100 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single dashes (e.g. web-development)');

/** An image or thumbnail address: https only (uploads come with the storage adapter). */
export const ZHttpsUrl = z
  .url({ protocol: /^https$/, message: 'Must be an https:// URL' })
  .max(2000, 'The URL can be at most 2000 characters');

const categoryFields = {
  name: z.string().trim().min(2, 'name needs at least 2 characters').max(100, 'name can be at most 100 characters'),
  /** Generated from the name when left out. */
  slug: ZSlug.optional(),
  description: z.string().trim().max(1000, 'description can be at most 1000 characters').nullable().optional(),
  imageUrl: ZHttpsUrl.nullable().optional(),
  /** The parent category; null or left out for a top-level one. */
  parentId: ZId.nullable().optional(),
  sortOrder: z.number().int().min(-10_000).max(10_000).optional(),
  isActive: z.boolean().optional(),
};

export const ZCategoryCreateInput = z.object(categoryFields);
export type CategoryCreateInput = z.input<typeof ZCategoryCreateInput>;

export const ZCategoryUpdateInput = z.object({
  id: ZId,
  ...categoryFields,
  name: categoryFields.name.optional(),
});
export type CategoryUpdateInput = z.input<typeof ZCategoryUpdateInput>;

export const ZCategoryIdInput = z.object({ id: ZId });

/** A category as admins manage it (inactive ones included). */
export const ZCategoryRecord = z.object({
  id: ZId,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  imageUrl: z.string().nullable(),
  parentId: ZId.nullable(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CategoryRecord = z.infer<typeof ZCategoryRecord>;

export const ZCategoryOutput = z.object({ category: ZCategoryRecord });
export const ZCategoryDeleteOutput = z.object({ id: ZId, message: z.string() });

/** admin.categories.list: every category, inactive ones included, with what depends on it. */
export const ZAdminCategory = ZCategoryRecord.extend({
  /** Programs filed directly under it (any status, soft-deleted ones left out). */
  programCount: z.number().int(),
  /** Its direct sub-categories (active or not). */
  childCount: z.number().int(),
});
export type AdminCategory = z.infer<typeof ZAdminCategory>;
export const ZAdminCategoryListOutput = z.object({ categories: z.array(ZAdminCategory) });
export type AdminCategoryListOutput = z.infer<typeof ZAdminCategoryListOutput>;

import { z } from 'zod';
import { ZId, ZPagination, seedEnum } from './common';
import { ZProgramSummary } from './programs';

export const SEARCH_TYPES = ['all', 'programs', 'instructors'] as const;
export const ZSearchType = seedEnum(SEARCH_TYPES, `type must be one of: ${SEARCH_TYPES.join(', ')}`);
export type SearchType = z.infer<typeof ZSearchType>;

export const ZSearchInput = z.object({
  q: z
    .string({ message: 'q is required: what are you looking for?' })
    .trim()
    .min(2, 'Type at least 2 characters to search')
    .max(200, 'q can be at most 200 characters'),
  type: ZSearchType.default('all'),
  page: z.number().int().min(1, 'page starts at 1').max(1000).default(1),
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit can be at most 50').default(10),
});
export type SearchInput = z.input<typeof ZSearchInput>;

export const ZSearchProgram = ZProgramSummary.extend({ score: z.number() });
export const ZSearchInstructor = z.object({
  id: ZId,
  name: z.string(),
  avatar: z.string().nullable(),
  headline: z.string().nullable(),
  expertise: z.array(z.string()),
  score: z.number(),
});

export const ZSearchOutput = z.object({
  query: z.string(),
  type: ZSearchType,
  /** Best match first. A kind not asked for (type=programs → instructors) is an empty list. */
  results: z.object({ programs: z.array(ZSearchProgram), instructors: z.array(ZSearchInstructor) }),
  /** Both lists are paged together: totalPages is that of the longer one, total their sum. */
  pagination: ZPagination.extend({ totalPrograms: z.number().int(), totalInstructors: z.number().int() }),
});
export type SearchOutput = z.infer<typeof ZSearchOutput>;

import { z } from 'zod';

/** A UUID as our ids are (v7); a malformed one is a 400, not a database error. */
export const ZId = z.uuid({ message: 'Must be a valid id (UUID)' });

export const MAX_PAGE_SIZE = 100;

/** `page` from 1 and `limit` up to 100; each list sets its own default limit. */
export function paginationInput(defaultLimit: number) {
  return {
    page: z.number().int().min(1, 'page starts at 1').max(100_000).default(1),
    limit: z
      .number()
      .int()
      .min(1, 'limit must be at least 1')
      .max(MAX_PAGE_SIZE, `limit can be at most ${MAX_PAGE_SIZE}`)
      .default(defaultLimit),
  };
}

export const ZPagination = z.object({
  currentPage: z.number().int(),
  totalPages: z.number().int(),
  total: z.number().int(),
  hasNext: z.boolean(),
  hasPrev: z.boolean(),
});
export type Pagination = z.infer<typeof ZPagination>;

/** ISO 4217 code, upper case. */
export const ZCurrency = z.string().length(3);

/** A decimal amount as the specs show money (34.99); stored as integer minor units. */
export const ZMoney = z.number().nonnegative();

/** The REST error body (API.md); the tRPC face carries the same `code`, `message` and `issues`. */
export const ZApiError = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])),
          message: z.string(),
          code: z.string().optional(),
        }),
      )
      .optional(),
  }),
});
export type ApiError = z.infer<typeof ZApiError>;

/** A spelling's matching key: case, spaces, dashes and underscores do not count. */
export const spellingKey = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/**
 * An enum that accepts the spellings the product specs use ("Advanced", "multiple-choice",
 * "PRICE_LOW") and yields the canonical value. Outputs always carry the canonical value.
 * `aliases` adds other words for a value (e.g. "mcq" for multiple choice).
 */
export function seedEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
  aliases: Readonly<Record<string, T[number]>> = {},
) {
  const byKey = new Map<string, T[number]>(values.map((v) => [spellingKey(v), v]));
  for (const [word, value] of Object.entries(aliases)) byKey.set(spellingKey(word), value);
  return z
    .string({ message })
    .transform((v) => byKey.get(spellingKey(v)) ?? v)
    .pipe(z.enum(values, { message }));
}

import type { Pagination } from '@learningpt/schema';

export function pageOffset(page: number, limit: number): number {
  return (page - 1) * limit;
}

export function paginationMeta(total: number, page: number, limit: number): Pagination {
  const totalPages = Math.ceil(total / limit);
  return {
    currentPage: page,
    totalPages,
    total,
    hasNext: page < totalPages,
    hasPrev: page > 1,
  };
}

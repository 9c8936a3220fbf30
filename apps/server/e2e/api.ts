// The browser tests compare what a page shows with what the API serves, so they keep passing
// when the demo data changes and still catch a page that shows the wrong thing.
import { inject } from 'vitest';
import './provided-context';

/** GET a REST path of the API (e.g. `/api/programs?limit=12`) and return its JSON body. */
export async function apiGet<T>(pathAndQuery: string): Promise<T> {
  const res = await fetch(inject('apiUrl') + pathAndQuery);
  if (!res.ok) throw new Error(`GET ${pathAndQuery} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The fields of the REST list/detail bodies the tests look at (dates arrive as strings). */
export interface ProgramListBody {
  programs: {
    id: string;
    title: string;
    slug: string;
    category: string;
    categorySlug: string;
    instructor: { name: string };
    isFree: boolean;
    pricing: { bundle: number; currency: string };
  }[];
  pagination: { currentPage: number; totalPages: number; total: number };
}

export interface CategoryListBody {
  categories: { id: string; name: string; slug: string; parentId: string | null; programCount: number }[];
}

export interface ProgramDetailBody {
  program: {
    title: string;
    description: string;
    instructor: { name: string };
    isFree: boolean;
    pricing: { chatbot: number; documentation: number; examSimulator: number; bundle: number; currency: string };
    curriculum: { title: string }[];
    prerequisites: string[];
  };
}

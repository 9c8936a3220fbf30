// Paths of the REST face that serve a procedure a second time, where the two product specs (or
// one spec with itself) disagree. An alias is a REST route of ONE procedure, never a second
// procedure in AppRouter: the tRPC face has a single name for each action.

/** A value inside a procedure's answer or input, by a dotted path ('programs', 'pagination.total'). */
export type FieldPath = string;

/**
 * A key the alias adds to the answer: the dotted path of its value in the procedure's answer, or
 * that value with more fields (`fields`: the spec's name -> a path inside the value, taken from
 * each element when the value is a list).
 */
export type AnswerKey = FieldPath | { readonly from: FieldPath; readonly fields: Readonly<Record<string, FieldPath>> };

export interface RestAlias {
  /** The procedure's path in AppRouter, e.g. 'users.updateProfile'. */
  of: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under /api; {param} placeholders as in the procedure's own route. */
  path: `/${string}`;
  /** Why it exists (shown in the OpenAPI document). */
  note: string;
  /**
   * Input fields the spec names differently: its name -> our field (dotted for a nested one:
   * `price` -> `pricing.bundle`). Read from the query or body of this path only; when both names
   * are sent, ours wins.
   */
  acceptAlso?: Readonly<Record<string, FieldPath>>;
  /**
   * Values of an input field the spec spells with other words: our field -> { its word: ours }
   * (compared as seedEnum compares: case, spaces, dashes and underscores do not count).
   */
  acceptValues?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Keys added to this path's answer beside the procedure's own ({ courses: 'programs' }); the
   * OpenAPI document shows both. Answers on the procedure's own path are untouched.
   */
  answerAlso?: Readonly<Record<string, AnswerKey>>;
}

/** Insta iQ's names for a program's fields (its courses table, camel-cased as our answers are). */
const COURSE_FIELDS = {
  price: 'pricing.bundle',
  imageUrl: 'thumbnail',
  instructorId: 'instructor.id',
  enrollments: 'enrolledCount',
  totalRatings: 'totalReviews',
} as const;
const courses = { from: 'programs', fields: COURSE_FIELDS } as const;
const course = { from: 'program', fields: COURSE_FIELDS } as const;

/** Insta iQ's names of a program's writable fields (its columns, snake_case or camelCase). */
const COURSE_INPUT = {
  price: 'pricing.bundle',
  category_id: 'category',
  categoryId: 'category',
  image_url: 'thumbnailUrl',
  imageUrl: 'thumbnailUrl',
  learning_outcomes: 'learningOutcomes',
} as const;

/** Its course list sorts (price_asc, price_desc); rating and newest are ours too. */
const COURSE_SORTS = { sort: { price_asc: 'price-low', price_desc: 'price-high' } } as const;

/** Its user statuses: an inactive account cannot sign in, which is what a ban is here. */
const USER_STATUSES = { status: { inactive: 'banned' } } as const;

/** Its list answers: totalPages, currentPage and total beside the list. */
const pageKeys = {
  totalPages: 'pagination.totalPages',
  currentPage: 'pagination.currentPage',
  total: 'pagination.total',
} as const;

const insta = (path: string) => `Insta iQ path of ${path}`;

export const REST_ALIASES: readonly RestAlias[] = [
  { of: 'auth.verifyEmail', method: 'POST', path: '/auth/verify-email', note: 'with { token } in the body' },
  {
    of: 'auth.resetPassword',
    method: 'POST',
    path: '/auth/reset-password',
    note: 'with { token, password } in the body',
  },
  { of: 'users.updateProfile', method: 'PUT', path: '/auth/profile', note: 'Insta iQ path of PUT /users/profile' },
  {
    of: 'users.changePassword',
    method: 'PUT',
    path: '/auth/change-password',
    note: 'Insta iQ path of POST /users/change-password',
  },

  /* ---- Insta iQ's courses: the program procedures ---- */
  {
    of: 'programs.list',
    method: 'GET',
    path: '/courses',
    note: `${insta('GET /programs')}; sort=price_asc|price_desc too; answers courses, totalPages, currentPage, total`,
    acceptValues: COURSE_SORTS,
    answerAlso: { courses, ...pageKeys },
  },
  {
    of: 'programs.featured',
    method: 'GET',
    path: '/courses/featured',
    note: `${insta('GET /programs/featured')}; answers courses`,
    answerAlso: { courses },
  },
  {
    of: 'users.enrolledPrograms',
    method: 'GET',
    path: '/courses/enrolled',
    note: `${insta('GET /users/enrolled-programs')}; answers courses`,
    answerAlso: { courses: 'programs' },
  },
  {
    of: 'programs.byId',
    method: 'GET',
    path: '/courses/{id}',
    note: `${insta('GET /programs/{id}')} (its /courses/:slug: an id or a slug); answers course`,
    answerAlso: { course },
  },
  {
    of: 'programs.lessons',
    method: 'GET',
    path: '/courses/{id}/lessons',
    note: `${insta('GET /programs/{id}/lessons')}; answers courseId`,
    answerAlso: { courseId: 'programId' },
  },
  {
    of: 'programs.enroll',
    method: 'POST',
    path: '/courses/{id}/enroll',
    note: insta('POST /programs/{id}/enroll'),
  },
  {
    of: 'programs.progress',
    method: 'GET',
    path: '/courses/{id}/progress',
    note: insta('GET /programs/{id}/progress'),
  },
  {
    of: 'programs.create',
    method: 'POST',
    path: '/courses',
    note: `${insta('POST /programs')}; takes price, category_id, image_url, learning_outcomes; answers course`,
    acceptAlso: COURSE_INPUT,
    answerAlso: { course },
  },
  {
    of: 'programs.update',
    method: 'PUT',
    path: '/courses/{id}',
    note: `${insta('PUT /programs/{id}')}; takes price, category_id, image_url, learning_outcomes; answers course`,
    acceptAlso: COURSE_INPUT,
    answerAlso: { course },
  },
  {
    of: 'programs.delete',
    method: 'DELETE',
    path: '/courses/{id}',
    note: insta('DELETE /programs/{id}'),
  },
  {
    of: 'programs.setStatus',
    method: 'PUT',
    path: '/courses/{id}/status',
    note: `${insta('PUT /programs/{id}/status')}; answers course`,
    answerAlso: { course },
  },

  /* ---- Insta iQ's user management (admins): admin.users ---- */
  {
    of: 'admin.users.list',
    method: 'GET',
    path: '/users',
    note: `${insta('GET /admin/users')}; status=inactive is a ban; answers totalPages, currentPage, total`,
    acceptValues: USER_STATUSES,
    answerAlso: pageKeys,
  },
  { of: 'admin.users.create', method: 'POST', path: '/users', note: insta('POST /admin/users') },
  { of: 'admin.users.byId', method: 'GET', path: '/users/{id}', note: insta('GET /admin/users/{id}') },
  {
    of: 'admin.users.update',
    method: 'PUT',
    path: '/users/{id}',
    note: `${insta('PUT /admin/users/{id}')}; status=inactive is a ban`,
    acceptValues: USER_STATUSES,
  },
  { of: 'admin.users.delete', method: 'DELETE', path: '/users/{id}', note: insta('DELETE /admin/users/{id}') },
  {
    of: 'admin.users.setStatus',
    method: 'PUT',
    path: '/users/{id}/status',
    note: `${insta('PUT /admin/users/{id}/status')}; status=inactive is a ban`,
    acceptValues: USER_STATUSES,
  },
  { of: 'admin.users.setRole', method: 'PUT', path: '/users/{id}/role', note: insta('PUT /admin/users/{id}/role') },
  {
    of: 'admin.analytics.overview',
    method: 'GET',
    path: '/analytics/dashboard',
    note: 'Insta iQ path of GET /admin/analytics',
  },
];

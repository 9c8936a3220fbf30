// Paths of the REST face that serve a procedure a second time, where the two product specs (or
// one spec with itself) disagree. An alias is a REST route of ONE procedure, never a second
// procedure in AppRouter: the tRPC face has a single name for each action.
export interface RestAlias {
  /** The procedure's path in AppRouter, e.g. 'users.updateProfile'. */
  of: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under /api; {param} placeholders as in the procedure's own route. */
  path: `/${string}`;
  /** Why it exists (shown in the OpenAPI document). */
  note: string;
}

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
  {
    of: 'users.enrolledPrograms',
    method: 'GET',
    path: '/courses/enrolled',
    note: 'Insta iQ path of GET /users/enrolled-programs',
  },
  {
    of: 'admin.analytics.overview',
    method: 'GET',
    path: '/analytics/dashboard',
    note: 'Insta iQ path of GET /admin/analytics',
  },
];

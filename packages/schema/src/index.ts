export * from './common';
export * from './categories';
export * from './programs';
export * from './auth';
export * from './users';
export * from './admin-users';

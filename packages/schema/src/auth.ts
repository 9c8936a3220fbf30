import { z } from 'zod';
import { seedEnum } from './common';

/** Roles and account states, as stored. */
export const ROLES = ['student', 'instructor', 'admin'] as const;
export const ZRole = seedEnum(ROLES, 'role must be student, instructor or admin');
export type Role = z.infer<typeof ZRole>;

export const USER_STATUSES = ['active', 'banned', 'deleted'] as const;
export const ZUserStatus = seedEnum(USER_STATUSES, 'status must be active, banned or deleted');
export type UserStatus = z.infer<typeof ZUserStatus>;

/** Addresses are compared and stored lower-cased. */
export const ZEmail = z
  .string({ message: 'email is required' })
  .trim()
  .toLowerCase()
  .max(254, 'email can be at most 254 characters')
  .pipe(z.email({ message: 'email must be a valid email address' }));

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * A new password: 8 to 128 characters, no composition rules (NIST SP 800-63B). The server also
 * refuses the 10,000 most common passwords; that list is not shipped to browsers.
 */
export const ZNewPassword = z
  .string({ message: 'password is required' })
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `password can be at most ${PASSWORD_MAX_LENGTH} characters`);

/** A password being checked (sign-in, confirmation): any length up to the maximum. */
export const ZCurrentPassword = z
  .string({ message: 'password is required' })
  .min(1, 'password is required')
  .max(1024, 'password is too long');

export const ZPersonName = z
  .string({ message: 'name is required' })
  .trim()
  .min(1, 'name is required')
  .max(100, 'name can be at most 100 characters');

/** Single-use tokens from emailed links (base32, 32 characters); generous bounds, checked by hash. */
export const ZLinkToken = z
  .string({ message: 'token is required' })
  .trim()
  .min(16, 'token is invalid')
  .max(128, 'token is invalid');

export const ZMessageOutput = z.object({ message: z.string() });
export type MessageOutput = z.infer<typeof ZMessageOutput>;

export const ZRegisterInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZNewPassword,
  /** Only students sign up; instructors apply from their account, admins are created by admins. */
  role: z
    .literal('student', {
      message: 'Only student accounts can be registered; apply to become an instructor once signed in',
    })
    .default('student'),
});
export type RegisterInput = z.input<typeof ZRegisterInput>;

export const ZEmailOnlyInput = z.object({ email: ZEmail });
export const ZTokenInput = z.object({ token: ZLinkToken });

export const ZLoginInput = z.object({ email: ZEmail, password: ZCurrentPassword });
export type LoginInput = z.input<typeof ZLoginInput>;

/** The signed-in user as the sign-in answer shows them (seed: id, name, email, role, avatar, subscriptionTier). */
export const ZAuthUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  avatar: z.string().nullable(),
  subscriptionTier: z.string(),
  emailVerified: z.boolean(),
});
export type AuthUser = z.infer<typeof ZAuthUser>;

/**
 * `token` is the session token (also set as an HttpOnly cookie for browsers). `refreshToken` is the
 * same secret: POST /auth/refresh-token with it rotates the session (a new token, the old one dies).
 */
export const ZLoginOutput = z.object({
  /** "Login successful" (Insta iQ's answer has it). */
  message: z.string(),
  token: z.string(),
  refreshToken: z.string(),
  /** When the session ends if unused (it slides with use, up to `absoluteExpiresAt`). */
  expiresAt: z.date(),
  absoluteExpiresAt: z.date(),
  user: ZAuthUser,
});
export type LoginOutput = z.infer<typeof ZLoginOutput>;

export const ZRefreshInput = z
  .object({
    /** Optional when the request carries the session (cookie or Bearer). */
    refreshToken: z.string().trim().min(16, 'refreshToken is invalid').max(128, 'refreshToken is invalid').optional(),
  })
  .default({});

export const ZRefreshOutput = z.object({
  token: z.string(),
  refreshToken: z.string(),
  expiresAt: z.date(),
  absoluteExpiresAt: z.date(),
});

export const ZResetPasswordInput = z.object({ token: ZLinkToken, password: ZNewPassword });

export const ZMeOutput = z.object({ user: ZAuthUser });

export const ZSessionView = z.object({
  /** The session's id (a hash of its token; not usable as a token). */
  id: z.string(),
  current: z.boolean(),
  createdAt: z.date(),
  lastActiveAt: z.date(),
  expiresAt: z.date(),
  absoluteExpiresAt: z.date(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionView = z.infer<typeof ZSessionView>;

export const ZSessionsOutput = z.object({ sessions: z.array(ZSessionView) });
export const ZRevokeSessionInput = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, 'id must be a session id'),
});
export const ZRevokeOthersOutput = z.object({ message: z.string(), revoked: z.number().int() });

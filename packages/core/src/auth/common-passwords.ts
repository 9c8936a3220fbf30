import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@learningpt/schema';
import { invalidField } from '../shared/errors';

const FILE = 'common-passwords.txt';
let list: Set<string> | undefined;

/**
 * Next to this module when running from source; from a bundle (apps/server/dist), the nearest
 * packages/core/src/auth/ above it.
 */
function locate(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, FILE)];
  for (let dir = here; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'packages', 'core', 'src', 'auth', FILE));
  }
  const found = candidates.find((c) => existsSync(c));
  if (found) return found;
  throw new Error(`${FILE} not found (looked next to ${here} and in packages/core/src/auth above it)`);
}

function commonPasswords(): Set<string> {
  list ??= new Set(
    readFileSync(locate(), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return list;
}

/** True when the password is one of the 10,000 most common ones (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/** Length rules (also in the zod schema) and the common-password list; throws a 400 with the reason. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw invalidField(field, `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw invalidField(field, `${field} can be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  if (isCommonPassword(password)) {
    throw invalidField(
      field,
      `${field} is one of the most common passwords and easy to guess; please choose another (a few unrelated words make a good one)`,
    );
  }
}

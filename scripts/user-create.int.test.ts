import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@learningpt/core';
import { createTestDatabase, type TestDatabase } from '@learningpt/db/testing';
import { CliError, parseUserCreateArgs, userCreate } from './user-create';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 2 });
});
afterAll(() => t.drop());

describe('pnpm user:create', () => {
  it('creates a verified admin that can sign in, audited', async () => {
    const user = await userCreate(
      ['--role', 'admin', '--email', 'Boss@Example.org', '--password', 'a long admin passphrase', '--name', 'The Boss'],
      { db: t.db },
    );
    expect(user).toMatchObject({ role: 'admin', email: 'boss@example.org', name: 'The Boss' });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.emailVerified).toBe(true);
    expect(await verifyPassword(row.passwordHash!, 'a long admin passphrase')).toBe(true);
    expect(await t.db.auditLog.count({ where: { entityId: user.id, action: 'user.create' } })).toBe(1);
  });

  it('refuses an address that is taken, weak passwords and bad arguments with clear messages', async () => {
    await expect(
      userCreate(['--role', 'instructor', '--email', 'boss@example.org', '--password', 'another passphrase'], {
        db: t.db,
      }),
    ).rejects.toThrow(/already exists/);
    await expect(
      userCreate(['--role', 'admin', '--email', 'x@example.org', '--password', 'password123'], { db: t.db }),
    ).rejects.toThrow(/common/);
    expect(() => parseUserCreateArgs(['--role', 'admin', '--email', 'x@example.org', '--password', 'short'])).toThrow(
      /at least 8/,
    );
    expect(() => parseUserCreateArgs(['--role', 'owner', '--email', 'nope', '--password', 'long enough pass'])).toThrow(
      /--role must be[\s\S]*--email must be/,
    );
    expect(() => parseUserCreateArgs(['--email', 'x@example.org'])).toThrow(CliError);
    expect(() => parseUserCreateArgs(['--bogus'])).toThrow(/Usage/);
    expect(await t.db.user.count({ where: { email: 'x@example.org' } })).toBe(0);
  });
});

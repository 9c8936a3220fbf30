import pg from 'pg';
import { inject } from 'vitest';
import { createDb } from '@learningpt/db';
import { withDatabase } from '@learningpt/db/postgres';
import { createTestDatabase, type TestDatabase } from '@learningpt/db/testing';
import { seedDemoData } from '../../../../prisma/seed/index';

/**
 * A fresh database holding the demo data. The seed runs once per test run into a second
 * template (`<template>_seeded`, dropped by the integration teardown with the run's other
 * databases), made under an advisory lock so parallel test files agree; each caller then gets
 * a cheap `CREATE DATABASE … TEMPLATE` copy of it.
 */
export async function createSeededTestDatabase(opts: { max?: number } = {}): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const seeded = `${template}_seeded`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [seeded]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [seeded]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE "${seeded}" TEMPLATE "${template}"`);
      const db = createDb({ connectionString: withDatabase(adminUrl, seeded), max: 2 });
      try {
        await seedDemoData({ db });
      } finally {
        await db.$disconnect();
      }
    }
  } finally {
    await admin.end(); // also releases the advisory lock
  }
  return createTestDatabase({ template: seeded, max: opts.max ?? 4 });
}

import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '@learningpt/db';
import { withDatabase } from '@learningpt/db/postgres';
import { seedDemoData } from '../../../../prisma/seed/index';

/**
 * A fresh database holding the demo data. The seed runs once per test run into a second
 * template (`<template>_seeded`), made under an advisory lock so parallel test files agree;
 * each caller then gets a cheap `CREATE DATABASE … TEMPLATE` copy of it.
 */
export async function createSeededTestDatabase(): Promise<{ url: string; db: Db; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const seededTemplate = `${template}_seeded`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [seededTemplate]);
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [seededTemplate]);
      if (!rowCount) {
        await admin.query(`CREATE DATABASE "${seededTemplate}" TEMPLATE "${template}"`);
        const db = createDb({ connectionString: withDatabase(adminUrl, seededTemplate), max: 2 });
        try {
          await seedDemoData({ db });
        } finally {
          await db.$disconnect();
        }
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [seededTemplate]);
    }
    const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${seededTemplate}"`);
    const url = withDatabase(adminUrl, name);
    const db = createDb({ connectionString: url, max: 4 });
    return {
      url,
      db,
      async drop() {
        await db.$disconnect();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}

import { defineConfig } from 'prisma/config';

// Prisma 7's CLI downloads a native schema engine before every command. `generate` does not
// need it, so point it at an existing file when nothing better is configured (MIGRATIONS.md):
// this keeps `prisma generate` working offline. A real engine set by the user still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    // Only migrate/studio commands need it; `generate` works without a database.
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/learningpt',
  },
});

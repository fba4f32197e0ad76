import { defineConfig } from 'drizzle-kit';

// `npm run server:migrations` turns changes of server/src/db/schema.ts into a new SQL migration.
// The same migrations run on PGlite and on PostgreSQL (server/src/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema.ts',
  out: './server/drizzle',
});

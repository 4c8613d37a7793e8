/**
 * The TypeORM data source the CLI uses, e.g.
 *   DATABASE_URL=postgres://… npx typeorm-ts-node-commonjs migration:run -d ormconfig.ts
 * Same entities, migrations and naming as the app (src/database/data-source-options.ts).
 */
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './src/database/data-source-options';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL must be set for the TypeORM CLI (e.g. postgres://user:pass@host:5432/db)');
}

// Migrations act for nobody: the system context of the row-level security policies (docs/security.md).
export default new DataSource(buildDataSourceOptions(url, { systemContext: true }));

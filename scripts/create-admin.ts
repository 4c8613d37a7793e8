/**
 * npm run admin:create -- --email admin@example.com [--password '…']
 *
 * Creates a super_admin, or promotes the existing profile with that email (case-insensitive) and sets
 * its password. Without --password, a new account gets a generated password, printed once; an
 * existing account keeps its password. Audited like the start-up bootstrap (ensureSuperAdmin).
 * A password given on the command line can end up in the shell history: prefer the generated one, or
 * clear the history afterwards.
 *
 * Exit code: 0 done, 1 refused (invalid email, password shorter than 8, migrations pending, failure),
 * 2 bad usage or cannot connect. Connects to DATABASE_URL.
 */
import 'reflect-metadata';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { MIN_PASSWORD_LENGTH } from '../src/auth/password-hasher';
import { ensureSuperAdmin } from '../src/auth/super-admin';
import { buildDataSourceOptions } from '../src/database/data-source-options';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

const USAGE = "Usage: npm run admin:create -- --email <email> [--password '<at least 8 characters>']";

interface Options {
  email: string;
  password?: string;
}

function parseArgs(argv: string[]): Options | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const match = /^--(email|password)(?:=(.*))?$/s.exec(arg);
    if (!match) return `Unknown argument ${JSON.stringify(arg)}. ${USAGE}`;
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined) return `--${match[1]} needs a value. ${USAGE}`;
    values[match[1]] = value;
  }
  if (values.email === undefined) return `--email is required. ${USAGE}`;
  return { email: values.email, password: values.password };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    return EXIT_USAGE;
  }
  const email = options.email.trim().toLowerCase();
  if (!isEmail(email)) {
    console.error(`Not an email address: ${JSON.stringify(options.email)}`);
    return EXIT_REFUSED;
  }
  if (options.password !== undefined && options.password.length < MIN_PASSWORD_LENGTH) {
    console.error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    return EXIT_REFUSED;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is not set: admin:create needs the database (postgres://user:pass@host:port/db).',
    );
    return EXIT_USAGE;
  }

  const dataSource = new DataSource(
    buildDataSourceOptions(url, { poolSize: 1, applicationName: 'admin-create', systemContext: true }),
  );
  try {
    await dataSource.initialize();
  } catch (error) {
    console.error(
      `Cannot connect to the database: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT_USAGE;
  }
  try {
    if (await dataSource.showMigrations()) {
      console.error(
        'The database has pending migrations: run `npm run migration:run` (or start the app) first.',
      );
      return EXIT_REFUSED;
    }
    const result = await ensureSuperAdmin(dataSource, email, options.password);
    if (result.created) {
      console.log(`Super admin ${email} created.`);
    } else if (result.promoted) {
      console.log(`Existing profile ${email} promoted to super_admin.`);
    } else {
      console.log(`${email} is already a super_admin.`);
    }
    if (result.generatedPassword) {
      console.log(`Password (shown once, not stored anywhere): ${result.generatedPassword}`);
    } else if (!result.created && result.passwordChanged) {
      console.log('Its password has been set to the one given.');
    }
    return EXIT_OK;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`admin:create failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(EXIT_REFUSED);
    },
  );
}

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import {
  AppConfig,
  ConfigValidationError,
  DEV_JWT_SECRET_FILE,
  loadAppConfig,
  nestLogLevels,
} from '../src/config/app-config';
import { APP_CONFIG_KEY, AppConfigModule, InjectAppConfig, validate } from '../src/config/app-config.module';

const SECRET = 'x'.repeat(32);
const DB = 'postgres://app:pw@db.internal:5432/commerce';

describe('loadAppConfig', () => {
  let cwd: string;

  beforeEach(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'config-spec-'));
  });

  afterEach(() => {
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  const load = (env: NodeJS.ProcessEnv): AppConfig => loadAppConfig(env, { cwd });

  /** The thrown message, asserting it is one ConfigValidationError line. */
  const failure = (env: NodeJS.ProcessEnv): string => {
    try {
      load(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message.startsWith('Invalid configuration: ')).toBe(true);
      return message;
    }
    throw new Error('expected loadAppConfig to throw');
  };

  it('applies the documented defaults', () => {
    const config = load({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      isProduction: false,
      databaseUrl: undefined,
      port: 3000,
      dataDir: path.join(cwd, '.data'),
      jwtSecretSource: 'file',
      stripeSecretKey: undefined,
      stripeWebhookSecret: undefined,
      stripeApiUrl: undefined,
      reservationTtlMinutes: 15,
      authRateLimit: 10,
      adminEmail: 'admin@example.com',
      adminPassword: undefined,
      logLevel: 'log',
      heapGrowingPercent: 100,
    });
  });

  it('reads every variable', () => {
    const config = load({
      DATABASE_URL: DB,
      PORT: '8080',
      DATA_DIR: '/var/lib/commerce',
      JWT_SECRET: SECRET,
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      STRIPE_API_URL: 'http://127.0.0.1:12111',
      RESERVATION_TTL_MINUTES: '30',
      AUTH_RATE_LIMIT: '0',
      ADMIN_EMAIL: 'root@shop.test',
      ADMIN_PASSWORD: 'long enough',
      LOG_LEVEL: 'debug',
      HEAP_GROWING_PERCENT: '0',
    });
    expect(config).toMatchObject({
      databaseUrl: DB,
      port: 8080,
      dataDir: '/var/lib/commerce',
      jwtSecret: SECRET,
      jwtSecretSource: 'env',
      stripeSecretKey: 'sk_test_123',
      stripeWebhookSecret: 'whsec_abc',
      stripeApiUrl: 'http://127.0.0.1:12111',
      reservationTtlMinutes: 30,
      authRateLimit: 0,
      adminEmail: 'root@shop.test',
      adminPassword: 'long enough',
      logLevel: 'debug',
      heapGrowingPercent: 0,
    });
  });

  it('treats empty values as unset', () => {
    expect(load({ PORT: '', STRIPE_SECRET_KEY: '  ', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      stripeSecretKey: undefined,
      databaseUrl: undefined,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")'],
    [{ PORT: '0' }, 'PORT must be an integer between 1 and 65535 (got "0")'],
    [{ PORT: '65536' }, 'PORT must be an integer between 1 and 65535'],
    [{ PORT: '3000.5' }, 'PORT must be an integer'],
    [{ RESERVATION_TTL_MINUTES: '0' }, 'RESERVATION_TTL_MINUTES must be an integer between 1 and 1440'],
    [{ RESERVATION_TTL_MINUTES: '1441' }, 'RESERVATION_TTL_MINUTES must be an integer between 1 and 1440'],
    [{ AUTH_RATE_LIMIT: '-1' }, 'AUTH_RATE_LIMIT must be an integer >= 0 (got "-1")'],
    [{ AUTH_RATE_LIMIT: 'ten' }, 'AUTH_RATE_LIMIT must be an integer >= 0'],
    [{ DATABASE_URL: 'mysql://u:p@h/db' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL'],
    [{ STRIPE_SECRET_KEY: 'pk_test_123' }, 'STRIPE_SECRET_KEY must start with sk_'],
    [{ STRIPE_WEBHOOK_SECRET: 'abc' }, 'STRIPE_WEBHOOK_SECRET must start with whsec_'],
    [{ STRIPE_API_URL: 'localhost:12111' }, 'STRIPE_API_URL must be an http:// or https:// URL'],
    [{ ADMIN_EMAIL: 'admin' }, 'ADMIN_EMAIL must be an email address (got "admin")'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 8 characters (got 5)'],
    [{ LOG_LEVEL: 'trace' }, 'LOG_LEVEL must be one of error, warn, log, debug, verbose (got "trace")'],
    [{ JWT_SECRET: 'too-short' }, 'JWT_SECRET must be at least 32 characters (got 9)'],
    [{ HEAP_GROWING_PERCENT: '-5' }, 'HEAP_GROWING_PERCENT must be an integer between 0 and 1000 (got "-5")'],
  ])('rejects %j', (env, expected) => {
    expect(failure(env)).toContain(expected);
  });

  it('requires JWT_SECRET with DATABASE_URL or in production', () => {
    expect(failure({ DATABASE_URL: DB })).toContain('JWT_SECRET is required');
    expect(failure({ NODE_ENV: 'production' })).toContain('JWT_SECRET is required');
    expect(load({ DATABASE_URL: DB, JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
  });

  it('never echoes secrets or database passwords', () => {
    const messages = [
      failure({ DATABASE_URL: 'mysql://user:hunter2@h/db' }),
      failure({ STRIPE_SECRET_KEY: 'rk_live_hunter2' }),
      failure({ JWT_SECRET: 'hunter2' }),
      failure({ ADMIN_PASSWORD: 'hunter2' }),
    ];
    for (const message of messages) {
      expect(message).not.toContain('hunter2');
    }
  });

  it('generates the development JWT secret once, mode 0600, and reuses it', () => {
    const first = load({});
    const file = path.join(cwd, '.data', DEV_JWT_SECRET_FILE);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(load({}).jwtSecret).toBe(first.jwtSecret);
    // A DATA_DIR elsewhere gets its own.
    expect(load({ DATA_DIR: 'other' }).jwtSecret).not.toBe(first.jwtSecret);
  });

  it('does not write the secret file when JWT_SECRET is given', () => {
    load({ JWT_SECRET: SECRET });
    expect(fs.existsSync(path.join(cwd, '.data', DEV_JWT_SECRET_FILE))).toBe(false);
  });

  it('maps LOG_LEVEL to Nest logger levels', () => {
    expect(nestLogLevels('error')).toEqual(['fatal', 'error']);
    expect(nestLogLevels('log')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(nestLogLevels('verbose')).toHaveLength(6);
  });
});

describe('Nest integration', () => {
  it('validate() works with ConfigModule.forRoot and nests the config under one key', async () => {
    const keysBefore = Object.keys(process.env);
    const raw = { DATABASE_URL: DB, JWT_SECRET: SECRET, PORT: '4000' };
    expect(validate(raw)[APP_CONFIG_KEY].port).toBe(4000);
    expect(() => validate({ PORT: 'abc' })).toThrow(ConfigValidationError);

    const config = loadAppConfig(raw);
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: () => validate(raw) })],
    }).compile();
    const service = moduleRef.get<ConfigService<{ app: AppConfig }, true>>(ConfigService);
    expect(service.get('app', { infer: true })).toEqual(config);
    // Nothing from the validated config (e.g. the JWT secret) was copied into process.env.
    expect(Object.keys(process.env)).toEqual(keysBefore);
    await moduleRef.close();
  });

  it('AppConfigModule provides the typed AppConfig to services', async () => {
    @Injectable()
    class NeedsConfig {
      constructor(@InjectAppConfig() readonly config: AppConfig) {}
    }
    @Module({ providers: [NeedsConfig] })
    class FeatureModule {}

    const config = loadAppConfig({ DATABASE_URL: DB, JWT_SECRET: SECRET, RESERVATION_TTL_MINUTES: '5' });
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(config), FeatureModule],
    }).compile();
    expect(moduleRef.get(NeedsConfig).config.reservationTtlMinutes).toBe(5);
    await moduleRef.close();
  });
});

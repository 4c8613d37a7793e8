import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, loadAppConfig } from './app-config';

/** Injection token for the validated AppConfig: `constructor(@InjectAppConfig() config: AppConfig)`. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const InjectAppConfig = (): ParameterDecorator => Inject(APP_CONFIG);

/** Key under which ConfigService holds the AppConfig: `configService.get('app', { infer: true })`. */
export const APP_CONFIG_KEY = 'app';
export interface ConfigShape {
  [APP_CONFIG_KEY]: AppConfig;
}
export type TypedConfigService = ConfigService<ConfigShape, true>;

/**
 * `ConfigModule.forRoot({ isGlobal: true, validate })`: the same validation as main.ts. The result is
 * nested under one key on purpose: ConfigModule copies top-level string and number values into
 * process.env, which would leak e.g. a generated JWT secret to child processes.
 */
export function validate(raw: Record<string, unknown>): ConfigShape {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') {
      env[key] = value;
    }
  }
  return { [APP_CONFIG_KEY]: loadAppConfig(env) };
}

@Global()
@Module({})
export class AppConfigModule {
  /**
   * With `config`, uses it as is (main.ts has already validated the environment and filled in the
   * embedded database URL; tests build theirs from a private env object). Without, validates
   * process.env now.
   */
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: config ? () => ({ [APP_CONFIG_KEY]: config }) : validate,
        }),
      ],
      providers: [
        {
          provide: APP_CONFIG,
          useFactory: (configService: TypedConfigService): AppConfig =>
            configService.get(APP_CONFIG_KEY, { infer: true }),
          inject: [ConfigService],
        },
      ],
      exports: [APP_CONFIG],
    };
  }
}

import { plainToInstance, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const DEVELOPMENT_SECRETS = {
  JWT_SECRET: 'dev-jwt-secret-change-me',
  ADMIN_PASSWORD: 'admin-password-dev',
  INTAKE_SECRET: 'dev-intake-secret',
} as const;

/** Every environment variable the service reads, with development defaults. */
export class EnvironmentVariables {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/surgeline';

  /** Connections per process; several processes share Postgres's max_connections. */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsString()
  @Matches(/^[a-zA-Z0-9:_-]+$/)
  BULL_PREFIX = 'surgeline';

  @IsString()
  @MinLength(16)
  JWT_SECRET: string = DEVELOPMENT_SECRETS.JWT_SECRET;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 12 * 3600;

  @IsEmail()
  ADMIN_EMAIL = 'admin@surgeline.local';

  @IsString()
  @MinLength(10)
  ADMIN_PASSWORD: string = DEVELOPMENT_SECRETS.ADMIN_PASSWORD;

  @IsString()
  @MinLength(8)
  INTAKE_SECRET: string = DEVELOPMENT_SECRETS.INTAKE_SECRET;

  @IsOptional()
  @IsString()
  @MinLength(8)
  METRICS_TOKEN?: string;

  @IsOptional()
  @IsUrl({ require_tld: false })
  OUTBOUND_WEBHOOK_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(100)
  RECONCILE_INTERVAL_MS = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  SHIFT_SWEEP_INTERVAL_MS = 60_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  ROUTING_CONCURRENCY = 8;
}

export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid environment: ${details.join('; ')}`);
  }
  if (env.NODE_ENV === 'production') {
    const unsafe = (Object.keys(DEVELOPMENT_SECRETS) as (keyof typeof DEVELOPMENT_SECRETS)[]).filter(
      (name) => env[name] === DEVELOPMENT_SECRETS[name],
    );
    if (unsafe.length > 0) {
      throw new Error(`Refusing to start in production with development values for ${unsafe.join(', ')}`);
    }
  }
  return env;
}

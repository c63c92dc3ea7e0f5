import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsArray,
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

  /** Connections per process that routing decides on, apart from the requests' pool. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  ROUTING_POOL_SIZE = 4;

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

  /** Origins (comma-separated) whose pages may call the API with credentials; none when unset. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((origin) => origin.trim()).filter((origin) => origin.length > 0) : value,
  )
  @IsArray()
  @Matches(/^https?:\/\/[^/\s]+$/, { each: true, message: 'CORS_ORIGINS must list origins like https://console.example.org, comma-separated' })
  CORS_ORIGINS: string[] = [];

  /** Log-in attempts (POST /auth/login and /auth/session) per minute for one email, from any address. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_PER_EMAIL = 10;

  /** Log-in attempts per minute from one client address. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_PER_ADDRESS = 100;

  /** Enrollments per minute from one client address. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_ENROLL_PER_ADDRESS = 20;

  /** Intake requests per second, all connectors together. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_INTAKE_PER_SECOND = 2000;

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

  /** How long an agent taken back for not answering stays excluded from that conversation (or until it signs in again). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10080)
  UNRESPONSIVE_EXCLUSION_MINUTES = 30;

  /** How often work nobody on the roster can take is flagged and unflagged. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  UNROUTABLE_CHECK_INTERVAL_MS = 5000;

  /** How long a starting process waits for Postgres and Redis to come up before it gives up. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  STARTUP_WAIT_MS = 30_000;
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

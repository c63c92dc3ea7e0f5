import { DEVELOPMENT_SECRETS, validateEnvironment } from './env.schema';

describe('validateEnvironment', () => {
  it('applies development defaults', () => {
    const env = validateEnvironment({});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/surgeline');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PORT).toBe(3000);
  });

  it('names the invalid variable', () => {
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('refuses development secrets in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET, ADMIN_PASSWORD, INTAKE_SECRET/);
  });

  it('starts in production with real secrets', () => {
    const env = validateEnvironment({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-real-secret-of-some-length',
      ADMIN_PASSWORD: 'another-real-secret',
      INTAKE_SECRET: 'intake-real-secret',
    });
    expect(env.JWT_SECRET).not.toBe(DEVELOPMENT_SECRETS.JWT_SECRET);
  });

  it('reads CORS_ORIGINS as a comma-separated list of origins, none by default', () => {
    expect(validateEnvironment({}).CORS_ORIGINS).toEqual([]);
    expect(validateEnvironment({ CORS_ORIGINS: 'https://console.example.org, http://localhost:5173' }).CORS_ORIGINS).toEqual([
      'https://console.example.org',
      'http://localhost:5173',
    ]);
    expect(() => validateEnvironment({ CORS_ORIGINS: 'https://console.example.org/path' })).toThrow(/CORS_ORIGINS must list origins/);
    expect(() => validateEnvironment({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });
});

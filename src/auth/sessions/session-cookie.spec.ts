import { isSafeMethod, sessionCookieOf, sessionCookieOptions } from './session-cookie';
import { hashToken, newSecret, sameSecret } from './session-token';

describe('session cookie', () => {
  it.each([
    [false, { httpOnly: true, sameSite: 'strict', secure: false, path: '/', maxAge: 60_000 }],
    [true, { httpOnly: true, sameSite: 'strict', secure: true, path: '/', maxAge: 60_000 }],
  ])('is HttpOnly and SameSite=Strict, Secure when in production (%s)', (production, expected) => {
    expect(sessionCookieOptions(production, 60)).toEqual(expected);
  });

  it('has no lifetime when it is being cleared', () => {
    expect(sessionCookieOptions(true)).not.toHaveProperty('maxAge');
  });

  it('is read from the Cookie header among others', () => {
    expect(sessionCookieOf({ headers: { cookie: 'theme=dark; surgeline_session=abc_-1; x=y' } })).toBe('abc_-1');
    expect(sessionCookieOf({ headers: { cookie: 'theme=dark' } })).toBeUndefined();
    expect(sessionCookieOf({ headers: {} })).toBeUndefined();
  });

  it.each([
    ['GET', true],
    ['head', true],
    ['OPTIONS', true],
    ['POST', false],
    ['PUT', false],
    ['PATCH', false],
    ['DELETE', false],
  ])('%s needs a CSRF token: %s is safe', (method, safe) => {
    expect(isSafeMethod(method)).toBe(safe);
  });
});

describe('session secrets', () => {
  it('are 256-bit, URL-safe and never repeat', () => {
    const secrets = new Set(Array.from({ length: 100 }, newSecret));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are stored as their SHA-256', () => {
    expect(hashToken('abc').toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    ['same', 'same', true],
    ['same', 'samf', false],
    ['same', 'sam', false],
    ['', 'same', false],
  ])('compares %j with %j: %s', (given, expected, same) => {
    expect(sameSecret(given, expected)).toBe(same);
  });
});

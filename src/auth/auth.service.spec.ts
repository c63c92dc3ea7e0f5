import { JwtService } from '@nestjs/jwt';
import { PasswordHasher } from '../common/auth/password-hasher';
import { EventsService } from '../events/events.service';
import { AccountCredentials, UsersRepository } from '../users/users.repository';
import { AuthService } from './auth.service';

describe('AuthService.verifyCredentials', () => {
  const hasher = new PasswordHasher();
  let stored: AccountCredentials;
  let verify: jest.SpyInstance;
  let service: AuthService;

  beforeAll(async () => {
    stored = {
      id: '7a0c6f4e-0000-4000-8000-000000000001',
      email: 'known@airline.test',
      name: 'Known',
      role: 'agent',
      status: 'active',
      kind: 'staff',
      passwordHash: await hasher.hash('the-right-password'),
    } as AccountCredentials;
  });

  beforeEach(() => {
    verify = jest.spyOn(hasher, 'verify');
    const users = { findCredentialsByEmail: async (email: string) => (email === stored.email ? stored : null) } as unknown as UsersRepository;
    const events = { record: async () => undefined } as unknown as EventsService;
    service = new AuthService(users, hasher, {} as JwtService, events);
  });
  afterEach(() => verify.mockRestore());

  it('checks one argon2 hash for an unknown email, as for a known one, so timing tells nothing', async () => {
    await expect(service.verifyCredentials({ email: stored.email, password: 'a-wrong-password' })).rejects.toThrow('Wrong email or password');
    await expect(service.verifyCredentials({ email: 'unknown@airline.test', password: 'a-wrong-password' })).rejects.toThrow('Wrong email or password');
    expect(verify).toHaveBeenCalledTimes(2);
    const [[knownHash], [decoyHash]] = verify.mock.calls as [string, string][];
    expect(knownHash).toBe(stored.passwordHash);
    // The same algorithm and cost parameters: only the salt and the digest differ.
    expect(decoyHash.split('$').slice(0, 4)).toEqual(knownHash.split('$').slice(0, 4));
  });

  it('lets the right password in', async () => {
    await expect(service.verifyCredentials({ email: stored.email, password: 'the-right-password' })).resolves.toMatchObject({ id: stored.id });
  });
});

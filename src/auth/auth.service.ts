import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PasswordHasher } from '../common/auth/password-hasher';
import { unauthenticated } from '../common/errors/domain-error';
import { EventsService } from '../events/events.service';
import { UsersRepository } from '../users/users.repository';
import { assertAccountUsable } from './account-status';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto, LoginUserDto } from './dto/login-response.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly events: EventsService,
  ) {}

  async login(credentials: LoginDto): Promise<LoginResponseDto> {
    const user = await this.verifyCredentials(credentials);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, user };
  }

  /** The account of these credentials when it may log in: 401 for wrong ones, 403 for an unusable account. */
  async verifyCredentials({ email, password }: LoginDto): Promise<LoginUserDto> {
    const account = await this.users.findCredentialsByEmail(email);
    const matches = account ? await this.hasher.verify(account.passwordHash, password) : await this.hasher.verifyWithoutAccount(password);
    if (!account || !matches) {
      await this.events.record({ type: 'auth.login_failed', actorId: account?.id ?? null, subjectType: 'user', subjectId: account?.id ?? null });
      throw unauthenticated('Wrong email or password');
    }
    assertAccountUsable(account.status);
    return { id: account.id, email: account.email, name: account.name, role: account.role, kind: account.kind };
  }
}

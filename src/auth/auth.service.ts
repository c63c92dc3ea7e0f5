import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PasswordHasher } from '../common/auth/password-hasher';
import { unauthenticated } from '../common/errors/domain-error';
import { EventsService } from '../events/events.service';
import { UsersRepository } from '../users/users.repository';
import { assertAccountUsable } from './account-status';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly events: EventsService,
  ) {}

  async login({ email, password }: LoginDto): Promise<LoginResponseDto> {
    const account = await this.users.findCredentialsByEmail(email);
    if (!account || !(await this.hasher.verify(account.passwordHash, password))) {
      await this.events.record({ type: 'auth.login_failed', actorId: account?.id ?? null, subjectType: 'user', subjectId: account?.id ?? null });
      throw unauthenticated('Wrong email or password');
    }
    assertAccountUsable(account.status);
    const accessToken = await this.jwt.signAsync({ sub: account.id, role: account.role });
    return {
      accessToken,
      user: { id: account.id, email: account.email, name: account.name, role: account.role, kind: account.kind },
    };
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { unauthenticated } from '../../common/errors/domain-error';
import { EventsService } from '../../events/events.service';
import { AuthService } from '../auth.service';
import { LoginDto } from '../dto/login.dto';
import { SessionResponseDto } from '../dto/session-response.dto';
import { hashToken, newSecret } from './session-token';
import { SessionsRepository } from './sessions.repository';

export interface StartedSession {
  cookie: string;
  ttlSeconds: number;
  body: SessionResponseDto;
}

/** Browser sessions: the cookie-based twin of the bearer token, which an EventSource cannot send. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsRepository,
    private readonly events: EventsService,
    private readonly config: AppConfigService,
  ) {}

  async start(credentials: LoginDto): Promise<StartedSession> {
    const user = await this.auth.verifyCredentials(credentials);
    const cookie = newSecret();
    const csrfToken = newSecret();
    const ttlSeconds = this.config.get('JWT_TTL_SECONDS');
    const sessionId = await this.sessions.create(user.id, hashToken(cookie), csrfToken, ttlSeconds);
    await this.events.record({ type: 'auth.session_started', actorId: user.id, subjectType: 'user', subjectId: user.id, payload: { sessionId } });
    return { cookie, ttlSeconds, body: { user, csrfToken } };
  }

  /** The session behind a cookie; the guard already checked it is open. */
  async describe(cookie: string): Promise<SessionResponseDto> {
    const session = await this.sessions.findOpen(hashToken(cookie));
    if (!session) throw unauthenticated('Session ended or unknown; log in again');
    const { userId, email, name, role, kind, csrfToken } = session;
    return { user: { id: userId, email, name, role, kind }, csrfToken };
  }

  /** Ends the session; every process closes the streams it opened once the event arrives. */
  async end(userId: string, sessionId: string): Promise<void> {
    if (!(await this.sessions.end(sessionId))) return;
    await this.events.record({ type: 'auth.session_ended', actorId: userId, subjectType: 'user', subjectId: userId, payload: { sessionId, reason: 'logged_out' } });
  }
}

import { Injectable } from '@nestjs/common';
import { concatMap, filter, from, interval, map, merge, Observable, take } from 'rxjs';
import { AuthenticatedRequest } from '../../common/auth/auth-user';
import { AuditTrailService } from '../../events/audit-trail.service';
import { UsersRepository } from '../../users/users.repository';
import { ACCESS_CHANGING_EVENTS } from '../access-changing-events';
import { SessionsRepository } from './sessions.repository';

/** Also checked on a timer, for an event this process missed while its Redis subscription was down. */
const RECHECK_MS = 30_000;

/**
 * Tells a long-lived response (an event stream) when its caller may no longer use it, so a log-out,
 * a suspension or an expiry closes the caller's open streams in every process at once.
 */
@Injectable()
export class AccessWatch {
  constructor(
    private readonly auditTrail: AuditTrailService,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
  ) {}

  /** Emits once, then completes, when the caller's session or account stops being usable. */
  accessLost({ user, sessionId }: AuthenticatedRequest): Observable<void> {
    const concerningCaller = this.auditTrail
      .liveEvents()
      .pipe(filter((event) => ACCESS_CHANGING_EVENTS.has(event.type) && event.subjectId === user.id));
    return merge(concerningCaller, interval(RECHECK_MS)).pipe(
      concatMap(() => from(this.stillUsable(user.id, sessionId))),
      filter((usable) => !usable),
      take(1),
      map(() => undefined),
    );
  }

  private async stillUsable(userId: string, sessionId: string | null): Promise<boolean> {
    if (sessionId) return this.sessions.isUsable(sessionId);
    return (await this.users.findCredentialsById(userId))?.status === 'active';
  }
}

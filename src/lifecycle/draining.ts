import { Injectable } from '@nestjs/common';
import { Observable, ReplaySubject } from 'rxjs';

/**
 * The process is going away: its event streams end so their clients reconnect to another process,
 * /health fails so no balancer sends new work, and each response asks its client to close the
 * connection. Work already in flight finishes.
 */
@Injectable()
export class Draining {
  private readonly beginning = new ReplaySubject<void>(1);
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  /** Emits once draining begins (at once for a subscriber that comes later). */
  get begun(): Observable<void> {
    return this.beginning.asObservable();
  }

  begin(): void {
    if (this.draining) return;
    this.draining = true;
    this.beginning.next();
    this.beginning.complete();
  }
}

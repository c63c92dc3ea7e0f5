/** One piece of work that follows a commit, named for the log line and the failure metric. */
export interface CommitEffect {
  effect: string;
  work: () => Promise<unknown>;
}

/**
 * What a transaction leaves to do once it has committed: enqueue jobs, serve agents. It collects
 * them while the transaction runs; TransactionRunner runs them after the commit under the one
 * failure policy of AfterCommit, and drops them when the transaction rolls back or is retried.
 * (Events recorded in the transaction ride on it the same way: see EventPublisher.)
 */
export class CommitEffects {
  private readonly collected: CommitEffect[] = [];

  add(effect: string, work: () => Promise<unknown>): void {
    this.collected.push({ effect, work });
  }

  get all(): readonly CommitEffect[] {
    return this.collected;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SlaBreachCounts {
  waiting: number;
  answeredLate: number;
}

const DEFAULT_SLA_MINUTES = 60;

/** Figures read from Postgres on each scrape, so they hold across every process. */
@Injectable()
export class WorkMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Walks the queued partial index only. */
  queueDepthByLanguage(): Promise<{ language: string; count: number }[]> {
    return this.dataSource.query(`SELECT language, count(*)::int AS count FROM conversations WHERE status = 'queued' GROUP BY language`);
  }

  /** Walks conversations_unroutable_idx: only flagged rows. */
  async unroutableConversations(): Promise<number> {
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM conversations WHERE unroutable_since IS NOT NULL AND status = 'queued'`,
    );
    return row.count;
  }

  async openAssignments(): Promise<number> {
    const [row]: { count: number }[] = await this.dataSource.query(`SELECT count(*)::int AS count FROM assignments WHERE ended_at IS NULL`);
    return row.count;
  }

  /** Against the active incident's SLA: open work still without a first reply, and late first replies of the last hour. */
  async slaBreaches(): Promise<SlaBreachCounts> {
    const [row]: SlaBreachCounts[] = await this.dataSource.query(
      `WITH sla AS (SELECT make_interval(mins => coalesce((SELECT sla_minutes FROM incidents WHERE surge_active), $1)) AS span)
       SELECT (SELECT count(*) FROM conversations, sla
                WHERE status IN ('queued', 'assigned') AND first_response_at IS NULL AND received_at <= now() - sla.span)::int AS waiting,
              (SELECT count(*) FROM conversations, sla
                WHERE first_response_at > now() - interval '60 minutes' AND first_response_at - received_at > sla.span)::int AS "answeredLate"`,
      [DEFAULT_SLA_MINUTES],
    );
    return row;
  }
}

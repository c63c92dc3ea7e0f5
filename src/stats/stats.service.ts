import { Injectable } from '@nestjs/common';
import { invalidInput } from '../common/errors/domain-error';
import { decodeCursor, ListQueryDto, Page, toPage } from '../common/pagination/page';
import { AgentStatsDto } from './dto/agent-stats.dto';
import { DEFAULT_SLA_MINUTES, FIRST_RESPONSE_WINDOW_MINUTES, LiveStatsDto } from './dto/live-stats.dto';
import { toLiveStats } from './live-stats.mapper';
import { StatsRepository } from './stats.repository';

/** The public figures may be this old at most; every caller within it shares one computation. */
export const LIVE_STATS_TTL_MS = 5_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class StatsService {
  private cached: { figures: LiveStatsDto; expiresAt: number } | null = null;
  private inFlight: Promise<LiveStatsDto> | null = null;
  private computationCount = 0;

  constructor(private readonly repository: StatsRepository) {}

  /** How many times the figures were computed from Postgres (callers served from the cache do not count). */
  get computations(): number {
    return this.computationCount;
  }

  /**
   * A public endpoint must not let its callers drive the database: whoever asks while a
   * computation runs waits for that same promise, and its result serves everyone until it expires.
   * The expiry counts from the start of the computation, so figures are never older than the TTL.
   */
  liveStats(): Promise<LiveStatsDto> {
    const now = Date.now();
    if (this.cached && now < this.cached.expiresAt) return Promise.resolve(this.cached.figures);
    if (this.inFlight) return this.inFlight;

    const computation = this.computeLiveStats()
      .then((figures) => {
        this.cached = { figures, expiresAt: now + LIVE_STATS_TTL_MS };
        return figures;
      })
      .finally(() => {
        this.inFlight = null;
      });
    this.inFlight = computation;
    return computation;
  }

  async agentStats(query: ListQueryDto): Promise<Page<AgentStatsDto>> {
    const after = decodeCursor(query.cursor);
    if (after && !UUID.test(after.id)) throw invalidInput('cursor is not a cursor this list returned');
    const rows = await this.repository.agentStatsPage(after && { name: after.sortValue, id: after.id }, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => ({ sortValue: row.name, id: row.agentId }),
      (row) => ({ ...row, medianFirstResponseSeconds: row.medianFirstResponseSeconds === null ? null : Math.round(row.medianFirstResponseSeconds) }),
    );
  }

  private async computeLiveStats(): Promise<LiveStatsDto> {
    this.computationCount++;
    const rows = await this.repository.liveFigureRows(DEFAULT_SLA_MINUTES, FIRST_RESPONSE_WINDOW_MINUTES);
    return toLiveStats(rows, rows.surge.slaMinutes ?? DEFAULT_SLA_MINUTES);
  }
}

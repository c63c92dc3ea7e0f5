import { Injectable } from '@nestjs/common';
import { decodeCursor, ListQueryDto, Page, toPage } from '../common/pagination/page';
import { AgentStatsDto } from './dto/agent-stats.dto';
import { DEFAULT_SLA_MINUTES, FIRST_RESPONSE_WINDOW_MINUTES, LiveStatsDto } from './dto/live-stats.dto';
import { toLiveStats } from './live-stats.mapper';
import { StatsHistoryDto, StatsHistoryQueryDto } from './dto/stats-history.dto';
import { StatsRepository } from './stats.repository';
import { WaitEstimator } from './wait-estimator';

/** The public figures may be this old at most; every caller within it shares one computation. */
export const LIVE_STATS_TTL_MS = 5_000;

@Injectable()
export class StatsService {
  private cached: { figures: LiveStatsDto; expiresAt: number } | null = null;
  private inFlight: Promise<LiveStatsDto> | null = null;
  private computationCount = 0;

  constructor(
    private readonly repository: StatsRepository,
    private readonly waits: WaitEstimator,
  ) {}

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
    const after = decodeCursor(query.cursor, { sortValue: 'text', id: 'uuid' });
    const rows = await this.repository.agentStatsPage(after && { name: after.sortValue, id: after.id }, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => ({ sortValue: row.name, id: row.agentId }),
      (row) => ({ ...row, medianFirstResponseSeconds: row.medianFirstResponseSeconds === null ? null : Math.round(row.medianFirstResponseSeconds) }),
    );
  }

  async statsHistory(query: StatsHistoryQueryDto): Promise<StatsHistoryDto> {
    const rows = await this.repository.historyRows(query.hours, query.bucketMinutes);
    return {
      bucketMinutes: query.bucketMinutes,
      points: rows.map((row) => ({
        at: row.at.toISOString(),
        waiting: row.waiting,
        firstResponses: row.firstResponses,
        firstResponseP50Seconds: row.p50 === null ? null : Math.round(row.p50),
      })),
    };
  }

  private async computeLiveStats(): Promise<LiveStatsDto> {
    this.computationCount++;
    const rows = await this.repository.liveFigureRows(DEFAULT_SLA_MINUTES, FIRST_RESPONSE_WINDOW_MINUTES);
    const languages = [...new Set([...rows.openWork.map((row) => row.language), ...rows.availableAgents.flatMap((row) => row.language ?? [])])];
    const estimatedWaits = languages.length === 0 ? new Map<string, number | null>() : await this.waits.forArrivals(languages);
    return toLiveStats({ ...rows, estimatedWaits }, rows.surge.slaMinutes ?? DEFAULT_SLA_MINUTES);
  }
}

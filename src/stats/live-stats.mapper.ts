import { CHANNELS } from '../routing/engine/engine.types';
import { FIRST_RESPONSE_WINDOW_MINUTES, LanguageFiguresDto, LiveStatsDto } from './dto/live-stats.dto';
import { LiveFigureRows, OpenWorkRow } from './stats.repository';

const UNDETERMINED = 'und';

/** Turns the aggregate rows into the public shape; pure, so every rule here is unit-tested. */
export function toLiveStats(rows: LiveFigureRows, slaMinutes: number): LiveStatsDto {
  const { surge, openWork, unroutable, availableAgents, firstResponse } = rows;
  const now = surge.now.getTime();
  const queuedRows = openWork.filter((row) => row.status === 'queued');
  const totalAvailable = availableAgents.find((row) => row.language === null)?.count ?? 0;
  const breachedWaiting = openWork.reduce((sum, row) => sum + row.breached, 0);
  const judged = firstResponse.answered + breachedWaiting;

  return {
    surgeActive: surge.incidentName !== null,
    incident: surge.incidentName === null ? null : { name: surge.incidentName },
    queued: sum(queuedRows),
    assigned: sum(openWork.filter((row) => row.status === 'assigned')),
    agentsAvailable: totalAvailable,
    longestWaitSeconds: longestWait(queuedRows, now),
    unroutable: unroutable.reduce((total, row) => total + row.count, 0),
    firstResponse: {
      p50Seconds: wholeSeconds(firstResponse.p50),
      p90Seconds: wholeSeconds(firstResponse.p90),
      windowMinutes: FIRST_RESPONSE_WINDOW_MINUTES,
    },
    slaMinutes,
    slaAttainment: judged === 0 ? null : Math.round((firstResponse.withinSla / judged) * 10_000) / 10_000,
    byLanguage: byLanguage(queuedRows, unroutable, availableAgents, totalAvailable, now).map((row) => ({
      ...row,
      estimatedWaitSeconds: rows.estimatedWaits.get(row.language) ?? null,
    })),
    byChannel: CHANNELS.map((channel) => ({
      channel,
      queued: sum(queuedRows.filter((row) => row.channel === channel)),
      assigned: sum(openWork.filter((row) => row.status === 'assigned' && row.channel === channel)),
    })),
    updatedAt: surge.now.toISOString(),
  };
}

function byLanguage(
  queuedRows: OpenWorkRow[],
  unroutable: LiveFigureRows['unroutable'],
  availableAgents: LiveFigureRows['availableAgents'],
  totalAvailable: number,
  now: number,
): Omit<LanguageFiguresDto, 'estimatedWaitSeconds'>[] {
  const spoken = new Map(availableAgents.filter((row) => row.language !== null).map((row) => [row.language!, row.count]));
  const languages = new Set([...queuedRows.map((row) => row.language), ...spoken.keys()]);
  return [...languages].sort().map((language) => {
    const rows = queuedRows.filter((row) => row.language === language);
    return {
      language,
      queued: sum(rows),
      // A conversation in an undetermined language may go to any agent.
      agentsAvailable: language === UNDETERMINED ? totalAvailable : (spoken.get(language) ?? 0),
      longestWaitSeconds: longestWait(rows, now),
      unroutable: unroutable.find((row) => row.language === language)?.count ?? 0,
    };
  });
}

function sum(rows: OpenWorkRow[]): number {
  return rows.reduce((total, row) => total + row.count, 0);
}

function longestWait(rows: OpenWorkRow[], now: number): number {
  const oldest = Math.min(...rows.map((row) => row.oldestReceivedAt?.getTime() ?? Infinity));
  return Number.isFinite(oldest) ? Math.max(0, Math.floor((now - oldest) / 1000)) : 0;
}

function wholeSeconds(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

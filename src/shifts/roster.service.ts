import { Injectable } from '@nestjs/common';
import { invalidInput } from '../common/errors/domain-error';
import { MAX_ROSTER_BUCKETS, RosterQueryDto } from './dto/roster-query.dto';
import { RosterBucketDto, RosterGapDto, RosterViewDto } from './dto/roster-view.dto';
import { RosterRepository, RosterRow } from './roster.repository';

@Injectable()
export class RosterService {
  constructor(private readonly roster: RosterRepository) {}

  async rosterFor(query: RosterQueryDto): Promise<RosterViewDto> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw invalidInput('to must be after from');
    const bucketCount = Math.ceil((to.getTime() - from.getTime()) / (query.bucketMinutes * 60_000));
    if (bucketCount > MAX_ROSTER_BUCKETS) {
      throw invalidInput(`from..to spans ${bucketCount} buckets of bucketMinutes ${query.bucketMinutes}; at most ${MAX_ROSTER_BUCKETS}`);
    }
    const rows = await this.roster.rosterRows(from, to, query.bucketMinutes);
    const buckets = rows.length > 0 ? groupByBucket(rows) : await this.emptyBuckets(from, to, query.bucketMinutes);
    return { buckets, gaps: gapsOf(rows) };
  }

  private async emptyBuckets(from: Date, to: Date, bucketMinutes: number): Promise<RosterBucketDto[]> {
    const bounds = await this.roster.bucketBounds(from, to, bucketMinutes);
    return bounds.map(({ start, end }) => ({ start: start.toISOString(), end: end.toISOString(), languages: [] }));
  }
}

/** Rows arrive ordered by bucket start, so each bucket's languages are consecutive. */
function groupByBucket(rows: RosterRow[]): RosterBucketDto[] {
  const buckets: RosterBucketDto[] = [];
  for (const row of rows) {
    const start = row.start.toISOString();
    let bucket = buckets[buckets.length - 1];
    if (bucket?.start !== start) {
      bucket = { start, end: row.end.toISOString(), languages: [] };
      buckets.push(bucket);
    }
    bucket.languages.push({ language: row.language, scheduled: row.scheduled, signedIn: row.signedIn, queued: row.queued });
  }
  return buckets;
}

/** A language with queued work now and nobody scheduled in a bucket is a staffing gap there. */
function gapsOf(rows: RosterRow[]): RosterGapDto[] {
  return rows
    .filter((row) => row.queuedNow > 0 && row.scheduled === 0)
    .map((row) => ({ start: row.start.toISOString(), end: row.end.toISOString(), language: row.language, queued: row.queuedNow }));
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ActiveSurge {
  incidentId: string;
  slaMinutes: number;
}

@Injectable()
export class SurgeStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activeSurge(): Promise<ActiveSurge | null> {
    const rows: ActiveSurge[] = await this.dataSource.query(
      `SELECT id AS "incidentId", sla_minutes AS "slaMinutes" FROM incidents WHERE surge_active`,
    );
    return rows[0] ?? null;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RoutingRule } from '../routing/engine/engine.types';
import { QueryFn } from './replay-sources';
import { ReplayResult, Staffing } from './replay/replay';
import { Scenario } from './replay/scenario';

/** What a replay was asked to do, stored so any process can run it again. */
export interface SimulationInput {
  scenario: Scenario;
  staffing: Staffing;
  rules: RoutingRule[];
  seed?: number;
}

export interface SimulationRow {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  input: SimulationInput;
  result: ReplayResult | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `id, status, progress, input, result, error, created_at AS "createdAt", finished_at AS "finishedAt"`;

@Injectable()
export class SimulationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** For the replay sources shared with the CLI. */
  readonly query: QueryFn = <T>(sql: string, params?: unknown[]) => this.dataSource.query(sql, params) as Promise<T[]>;

  async insert(input: SimulationInput, requestedBy: string): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO simulations (input, requested_by) VALUES ($1, $2) RETURNING id`,
      [JSON.stringify(input), requestedBy],
    );
    return rows[0].id;
  }

  async find(id: string): Promise<SimulationRow | null> {
    const rows: SimulationRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM simulations WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async chartSvg(id: string): Promise<{ status: SimulationRow['status']; svg: string | null } | null> {
    const rows: { status: SimulationRow['status']; svg: string | null }[] = await this.dataSource.query(
      `SELECT status, chart_svg AS svg FROM simulations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async recordProgress(id: string, progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE simulations SET progress = $2 WHERE id = $1 AND status = 'running'`, [id, progress]);
  }

  async finish(id: string, result: ReplayResult, chartSvg: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE simulations SET status = 'done', progress = 1, result = $2, chart_svg = $3, finished_at = now()
        WHERE id = $1 AND status = 'running'`,
      [id, JSON.stringify(result), chartSvg],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE simulations SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'running'`,
      [id, error.slice(0, 1000)],
    );
  }

  async runningIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM simulations WHERE status = 'running' ORDER BY created_at`);
    return rows.map((r) => r.id);
  }

  async incidentExists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM incidents WHERE id = $1`, [id]);
    return rows.length > 0;
  }
}

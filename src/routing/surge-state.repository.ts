import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class SurgeStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isActive(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM incidents WHERE surge_active`);
    return rows.length > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Keyset } from '../common/pagination/page';
import { modifyReturning } from '../database/returning';

export interface TemplateVariant {
  language: string;
  text: string;
}

export interface TemplateRow {
  id: string;
  name: string;
  variants: TemplateVariant[];
  updatedAt: Date;
  /** updated_at at full precision, for keyset cursors */
  updatedAtKey: string;
}

/** What rendering a template for a conversation reads about it. */
export interface RenderTarget {
  id: string;
  status: 'queued' | 'assigned' | 'resolved';
  assignedAgentId: string | null;
  language: string;
  fromName: string | null;
  flightNumber: string | null;
}

export const TEMPLATE_NAME_CONSTRAINT = 'templates_name_key';

const TEMPLATE_COLUMNS = `
  t.id, t.name, t.updated_at AS "updatedAt",
  to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "updatedAtKey",
  (SELECT coalesce(json_agg(json_build_object('language', v.language, 'text', v.text) ORDER BY v.position), '[]'::json)
     FROM template_variants v WHERE v.template_id = t.id) AS variants`;

@Injectable()
export class TemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findTemplate(id: string, manager: EntityManager = this.dataSource.manager): Promise<TemplateRow | null> {
    const rows: TemplateRow[] = await manager.query(`SELECT ${TEMPLATE_COLUMNS} FROM templates t WHERE t.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Most recently changed first. */
  async findPage(filter: { language?: string; q?: string }, after: Keyset | null, fetch: number): Promise<TemplateRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.language) {
      conditions.push(`EXISTS (SELECT 1 FROM template_variants v WHERE v.template_id = t.id AND v.language = ${param(filter.language)})`);
    }
    if (filter.q) {
      const pattern = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      conditions.push(`(t.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM template_variants v WHERE v.template_id = t.id AND v.text ILIKE ${pattern}))`);
    }
    if (after) conditions.push(`(t.updated_at, t.id) < (${param(after.sortValue)}::timestamptz, ${param(after.id)}::uuid)`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.dataSource.query(
      `SELECT ${TEMPLATE_COLUMNS} FROM templates t ${where} ORDER BY t.updated_at DESC, t.id DESC LIMIT ${param(fetch)}`,
      params,
    );
  }

  async insertTemplate(manager: EntityManager, name: string, createdBy: string): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO templates (name, created_by, updated_at) VALUES ($1, $2, clock_timestamp()) RETURNING id`,
      [name, createdBy],
    );
    return rows[0].id;
  }

  /** Renames and replaces every variant; false when there is no such template. */
  async replaceTemplate(manager: EntityManager, id: string, name: string): Promise<boolean> {
    const rows = await modifyReturning<{ id: string }>(
      manager,
      `UPDATE templates SET name = $2, updated_at = clock_timestamp() WHERE id = $1 RETURNING id`,
      [id, name],
    );
    if (rows.length === 0) return false;
    await manager.query(`DELETE FROM template_variants WHERE template_id = $1`, [id]);
    return true;
  }

  async insertVariants(manager: EntityManager, templateId: string, variants: TemplateVariant[]): Promise<void> {
    await manager.query(
      `INSERT INTO template_variants (template_id, language, position, text)
       SELECT $1, v.language, v.ord - 1, v.text FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS v(language, text, ord)`,
      [templateId, variants.map((v) => v.language), variants.map((v) => v.text)],
    );
  }

  async deleteTemplate(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await modifyReturning<{ id: string }>(manager, `DELETE FROM templates WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  /** Names of the routing rules that acknowledge with this template. */
  async rulesAcknowledgingWith(manager: EntityManager, id: string): Promise<string[]> {
    const rows: { name: string }[] = await manager.query(
      `SELECT name FROM routing_rules WHERE route->>'acknowledgeTemplateId' = $1 ORDER BY position, created_at`,
      [id],
    );
    return rows.map((row) => row.name);
  }

  async findRenderTarget(conversationId: string): Promise<RenderTarget | null> {
    const rows: RenderTarget[] = await this.dataSource.query(
      `SELECT id, status, assigned_agent_id AS "assignedAgentId", language, from_name AS "fromName", flight_number AS "flightNumber"
         FROM conversations WHERE id = $1`,
      [conversationId],
    );
    return rows[0] ?? null;
  }

  async userName(userId: string): Promise<string | null> {
    const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM users WHERE id = $1`, [userId]);
    return rows[0]?.name ?? null;
  }
}

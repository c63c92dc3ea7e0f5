import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, forbidden, invalidInput, notFound } from '../common/errors/domain-error';
import { Keyset, Page, toPage } from '../common/pagination/page';
import { isUniqueViolation } from '../database/pg-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { WaitEstimator } from '../stats/wait-estimator';
import { SaveTemplateDto } from './dto/save-template.dto';
import { ListTemplatesQueryDto, RenderedTemplateDto, TemplateViewDto } from './dto/template-view.dto';
import { chooseVariant, firstName, renderTemplate, unknownVariables, waitInWords } from './template-text';
import { RenderTarget, TEMPLATE_NAME_CONSTRAINT, TemplateRow, TemplatesRepository } from './templates.repository';

const toView = (row: TemplateRow): TemplateViewDto => ({
  id: row.id,
  name: row.name,
  variants: row.variants,
  updatedAt: row.updatedAt.toISOString(),
});

/** The facts a template is filled with for one conversation. */
export interface AnswerContext {
  language: string;
  fromName: string | null;
  flightNumber: string | null;
  /** the person replying (empty for the acknowledgement the service sends) */
  authorName: string | null;
  estimatedWaitSeconds: number | null;
}

export interface ComposedAnswer {
  templateId: string;
  language: string;
  text: string;
}

const ROLES_THAT_SEE_EVERY_CONVERSATION = new Set(['admin', 'incident_manager']);

@Injectable()
export class TemplatesService {
  constructor(
    private readonly templates: TemplatesRepository,
    private readonly transactions: TransactionRunner,
    private readonly waits: WaitEstimator,
  ) {}

  async list(query: ListTemplatesQueryDto): Promise<Page<TemplateViewDto>> {
    const after = templateCursor(query.cursor);
    const rows = await this.templates.findPage({ language: query.language, q: query.q }, after, query.limit + 1);
    return toPage(rows, query.limit, (row) => ({ sortValue: row.updatedAtKey, id: row.id }), toView);
  }

  async get(id: string): Promise<TemplateViewDto> {
    return toView(await this.existing(id));
  }

  async create(actor: AuthUser, dto: SaveTemplateDto): Promise<TemplateViewDto> {
    assertKnownVariables(dto);
    const id = await this.saving(dto.name, (manager) =>
      this.templates.insertTemplate(manager, dto.name, actor.id).then(async (id) => {
        await this.templates.insertVariants(manager, id, dto.variants);
        return id;
      }),
    );
    return this.get(id);
  }

  async replace(id: string, dto: SaveTemplateDto): Promise<TemplateViewDto> {
    assertKnownVariables(dto);
    await this.saving(dto.name, async (manager) => {
      if (!(await this.templates.replaceTemplate(manager, id, dto.name))) throw notFound('template', id);
      await this.templates.insertVariants(manager, id, dto.variants);
    });
    return this.get(id);
  }

  /** A template a routing rule acknowledges with stays until the rule stops naming it. */
  async delete(id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const rules = await this.templates.rulesAcknowledgingWith(manager, id);
      if (rules.length > 0) throw conflict(`template ${id} is the acknowledgement of routing rule "${rules[0]}"; change the rule first`);
      if (!(await this.templates.deleteTemplate(manager, id))) throw notFound('template', id);
    });
  }

  /** What a reply by the caller with this template would send; an agent may render only for its own conversation. */
  async render(user: AuthUser, id: string, conversationId: string): Promise<RenderedTemplateDto> {
    const template = await this.existing(id);
    const target = await this.templates.findRenderTarget(conversationId);
    if (!target) throw notFound('conversation', conversationId);
    assertMayReplyTo(target, user);
    const [authorName, wait] = await Promise.all([this.templates.userName(user.id), this.waits.forConversation(conversationId)]);
    const { language, text } = compose(template, { ...target, authorName, estimatedWaitSeconds: wait.estimatedWaitSeconds });
    return { language, text };
  }

  /** The template filled for one conversation, or null when there is no such template. */
  async composeAnswer(templateId: string, context: AnswerContext, manager?: EntityManager): Promise<ComposedAnswer | null> {
    const template = await this.templates.findTemplate(templateId, manager);
    return template && compose(template, context);
  }

  /** The template, or 404; for callers that compose many answers from one template. */
  async existingTemplate(id: string, manager?: EntityManager): Promise<TemplateRow> {
    return this.existing(id, manager);
  }

  private async existing(id: string, manager?: EntityManager): Promise<TemplateRow> {
    const row = await this.templates.findTemplate(id, manager);
    if (!row) throw notFound('template', id);
    return row;
  }

  private async saving<T>(name: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (isUniqueViolation(error, TEMPLATE_NAME_CONSTRAINT)) throw conflict(`a template named "${name}" already exists`);
      throw error;
    }
  }
}

/** The variant for the conversation's language (else en, else the first), filled. */
export function compose(template: TemplateRow, context: AnswerContext): ComposedAnswer {
  const variant = chooseVariant(template.variants, context.language);
  const text = renderTemplate(variant.text, {
    passengerName: context.fromName,
    flightNumber: context.flightNumber,
    estimatedWait: waitInWords(context.estimatedWaitSeconds, variant.language),
    agentName: firstName(context.authorName),
  });
  return { templateId: template.id, language: variant.language, text };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor this list wrote (encodeCursor of updatedAt and id); anything else is a 400, never a failed cast. */
function templateCursor(cursor: string | undefined): Keyset | null {
  if (cursor === undefined) return null;
  try {
    const [sortValue, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortValue === 'string' && !Number.isNaN(Date.parse(sortValue)) && typeof id === 'string' && UUID.test(id)) {
      return { sortValue, id };
    }
  } catch {
    // answered below
  }
  throw invalidInput('cursor is not a cursor this list returned');
}

function assertKnownVariables(dto: SaveTemplateDto): void {
  for (const [index, variant] of dto.variants.entries()) {
    const [unknown] = unknownVariables(variant.text);
    if (unknown !== undefined) {
      throw invalidInput(`variants.${index}.text uses {{${unknown}}}, which is not a template variable (passengerName, flightNumber, estimatedWait, agentName)`);
    }
  }
}

function assertMayReplyTo(target: RenderTarget, user: AuthUser): void {
  if (ROLES_THAT_SEE_EVERY_CONVERSATION.has(user.role)) return;
  if (target.status === 'assigned' && target.assignedAgentId === user.id) return;
  throw forbidden(`conversation ${target.id} is not assigned to you`);
}

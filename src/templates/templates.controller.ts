import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { invalidInput } from '../common/errors/domain-error';
import { Page } from '../common/pagination/page';
import { SaveTemplateDto } from './dto/save-template.dto';
import { ListTemplatesQueryDto, RenderedTemplateDto, RenderTemplateQueryDto, TemplatePageDto, TemplateViewDto } from './dto/template-view.dto';
import { TemplatesService } from './templates.service';

const TemplateId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') }));

@ApiTags('approved answers')
@ApiSignedIn()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({ operationId: 'listTemplates', summary: 'Approved answers, most recently changed first' })
  @ApiOkResponse({ type: TemplatePageDto })
  @ApiErrors(400)
  list(@Query() query: ListTemplatesQueryDto): Promise<Page<TemplateViewDto>> {
    return this.templates.list(query);
  }

  @Post()
  @Roles('incident_manager')
  @ApiOperation({ operationId: 'createTemplate', summary: 'Approve an answer, with a variant per language' })
  @ApiCreatedResponse({ type: TemplateViewDto })
  @ApiError(400, 'a field is invalid, or a variant uses an unknown {{variable}}; the message names it')
  @ApiError(409, 'a template with this name exists')
  create(@CurrentUser() user: AuthUser, @Body() body: SaveTemplateDto): Promise<TemplateViewDto> {
    return this.templates.create(user, body);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getTemplate', summary: 'One approved answer' })
  @ApiOkResponse({ type: TemplateViewDto })
  @ApiError(404)
  @ApiErrors(400)
  get(@TemplateId() id: string): Promise<TemplateViewDto> {
    return this.templates.get(id);
  }

  @Put(':id')
  @Roles('incident_manager')
  @ApiOperation({ operationId: 'replaceTemplate', summary: 'Replace the name and every variant' })
  @ApiOkResponse({ type: TemplateViewDto })
  @ApiError(404)
  @ApiError(409, 'another template has this name')
  @ApiErrors(400)
  replace(@TemplateId() id: string, @Body() body: SaveTemplateDto): Promise<TemplateViewDto> {
    return this.templates.replace(id, body);
  }

  @Delete(':id')
  @Roles('incident_manager')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'deleteTemplate', summary: 'Withdraw an approved answer' })
  @ApiNoContentResponse()
  @ApiError(404)
  @ApiError(409, 'a routing rule acknowledges with it')
  @ApiErrors(400)
  delete(@TemplateId() id: string): Promise<void> {
    return this.templates.delete(id);
  }

  @Get(':id/render')
  @ApiOperation({ operationId: 'renderTemplate', summary: 'What a reply with this template would send to the conversation' })
  @ApiOkResponse({ type: RenderedTemplateDto })
  @ApiError(403, 'an agent the conversation is not assigned to')
  @ApiError(404, 'unknown template or conversation')
  @ApiErrors(400)
  render(@CurrentUser() user: AuthUser, @TemplateId() id: string, @Query() query: RenderTemplateQueryDto): Promise<RenderedTemplateDto> {
    return this.templates.render(user, id, query.conversationId);
  }
}

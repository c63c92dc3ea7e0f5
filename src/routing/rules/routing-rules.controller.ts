import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../../openapi/api-errors.decorator';
import { AuthUser } from '../../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { invalidInput } from '../../common/errors/domain-error';
import { RoutingRuleChangeDto, RoutingRuleListDto, RoutingRuleViewDto } from './dto/routing-rule-view.dto';
import { SaveRoutingRuleDto } from './dto/save-routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

const RuleId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') }));

@ApiTags('routing rules')
@ApiSignedIn()
@Roles('admin')
@Controller('routing/rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @ApiOkResponse({ type: RoutingRuleListDto, description: 'every rule in evaluation order, with the ruleset version' })
  @ApiOperation({ operationId: 'listRoutingRules', summary: 'Routing rules in evaluation order, with the ruleset version' })
  list(): Promise<RoutingRuleListDto> {
    return this.rules.listRules();
  }

  @Get(':id')
  @ApiOkResponse({ type: RoutingRuleViewDto })
  @ApiError(404, 'unknown rule')
  @ApiOperation({ operationId: 'getRoutingRule', summary: 'One routing rule' })
  @ApiErrors(400)
  get(@RuleId() id: string): Promise<RoutingRuleViewDto> {
    return this.rules.getRule(id);
  }

  @Post()
  @ApiCreatedResponse({ type: RoutingRuleChangeDto, description: 'the new rule and the bumped ruleset version' })
  @ApiOperation({ operationId: 'createRoutingRule', summary: 'Add a routing rule; bumps the ruleset version' })
  @ApiErrors(400)
  create(@CurrentUser() actor: AuthUser, @Body() body: SaveRoutingRuleDto): Promise<RoutingRuleChangeDto> {
    return this.rules.createRule(actor, body);
  }

  @Put(':id')
  @ApiOkResponse({ type: RoutingRuleChangeDto, description: 'the replaced rule and the bumped ruleset version' })
  @ApiError(404, 'unknown rule')
  @ApiOperation({ operationId: 'replaceRoutingRule', summary: 'Replace a routing rule; bumps the ruleset version' })
  @ApiErrors(400)
  replace(@CurrentUser() actor: AuthUser, @RuleId() id: string, @Body() body: SaveRoutingRuleDto): Promise<RoutingRuleChangeDto> {
    return this.rules.replaceRule(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'deleted; the ruleset version is bumped' })
  @ApiError(404, 'unknown rule')
  @ApiOperation({ operationId: 'deleteRoutingRule', summary: 'Delete a routing rule; bumps the ruleset version' })
  @ApiErrors(400)
  remove(@CurrentUser() actor: AuthUser, @RuleId() id: string): Promise<void> {
    return this.rules.deleteRule(actor, id);
  }
}

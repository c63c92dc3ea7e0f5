import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { invalidInput } from '../../common/errors/domain-error';
import { RoutingRuleChangeDto, RoutingRuleListDto, RoutingRuleViewDto } from './dto/routing-rule-view.dto';
import { SaveRoutingRuleDto } from './dto/save-routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

const RuleId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') }));

@ApiTags('routing rules')
@ApiBearerAuth()
@Roles('admin')
@Controller('routing/rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @ApiOkResponse({ type: RoutingRuleListDto, description: 'every rule in evaluation order, with the ruleset version' })
  list(): Promise<RoutingRuleListDto> {
    return this.rules.listRules();
  }

  @Get(':id')
  @ApiOkResponse({ type: RoutingRuleViewDto })
  @ApiNotFoundResponse({ description: 'unknown rule' })
  get(@RuleId() id: string): Promise<RoutingRuleViewDto> {
    return this.rules.getRule(id);
  }

  @Post()
  @ApiCreatedResponse({ type: RoutingRuleChangeDto, description: 'the new rule and the bumped ruleset version' })
  create(@CurrentUser() actor: AuthUser, @Body() body: SaveRoutingRuleDto): Promise<RoutingRuleChangeDto> {
    return this.rules.createRule(actor, body);
  }

  @Put(':id')
  @ApiOkResponse({ type: RoutingRuleChangeDto, description: 'the replaced rule and the bumped ruleset version' })
  @ApiNotFoundResponse({ description: 'unknown rule' })
  replace(@CurrentUser() actor: AuthUser, @RuleId() id: string, @Body() body: SaveRoutingRuleDto): Promise<RoutingRuleChangeDto> {
    return this.rules.replaceRule(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'deleted; the ruleset version is bumped' })
  @ApiNotFoundResponse({ description: 'unknown rule' })
  remove(@CurrentUser() actor: AuthUser, @RuleId() id: string): Promise<void> {
    return this.rules.deleteRule(actor, id);
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { AccountViewDto, AgentViewDto } from './dto/agent-view.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';

@ApiTags('accounts')
@ApiBearerAuth()
@ApiExtraModels(AccountViewDto, AgentViewDto)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ schema: { oneOf: [{ $ref: getSchemaPath(AccountViewDto) }, { $ref: getSchemaPath(AgentViewDto) }] } })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<AccountViewDto | AgentViewDto> {
    return this.users.createUser(actor, body);
  }
}

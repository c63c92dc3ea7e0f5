import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiTags, getSchemaPath, ApiOperation } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { AccountViewDto, AgentViewDto } from './dto/agent-view.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';

@ApiTags('accounts')
@ApiSignedIn()
@ApiExtraModels(AccountViewDto, AgentViewDto)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({
    description: 'the account; with role agent, the staff agent',
    schema: {
      oneOf: [{ $ref: getSchemaPath(AccountViewDto) }, { $ref: getSchemaPath(AgentViewDto) }],
      discriminator: {
        propertyName: 'role',
        mapping: { admin: getSchemaPath(AccountViewDto), incident_manager: getSchemaPath(AccountViewDto), agent: getSchemaPath(AgentViewDto) },
      },
    },
  })
  @ApiOperation({ operationId: 'createUser', summary: 'Create an account; role agent creates a staff agent' })
  @ApiErrors(400)
  @ApiError(409, 'the email is taken')
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<AccountViewDto | AgentViewDto> {
    return this.users.createUser(actor, body);
  }
}

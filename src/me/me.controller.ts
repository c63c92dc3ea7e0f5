import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { MeViewDto } from './dto/me-view.dto';
import { PresenceViewDto } from './dto/presence-view.dto';
import { UpdatePresenceDto } from './dto/update-presence.dto';
import { MeService } from './me.service';
import { PresenceService } from './presence.service';

@ApiTags('me')
@ApiSignedIn()
@Controller('me')
export class MeController {
  constructor(
    private readonly me: MeService,
    private readonly presence: PresenceService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeViewDto })
  @ApiOperation({ operationId: 'getMe', summary: "The caller's account, profile, presence, load and claimed shifts" })
  describe(@CurrentUser() user: AuthUser): Promise<MeViewDto> {
    return this.me.describe(user);
  }

  @Post('sign-in')
  @Roles('agent')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PresenceViewDto })
  @ApiOperation({ operationId: 'signIn', summary: 'Start taking work: presence available' })
  @ApiError(409, "a volunteer outside its claimed shifts, or its incident's surge is not active")
  signIn(@CurrentUser() agent: AuthUser): Promise<PresenceViewDto> {
    return this.presence.signIn(agent);
  }

  @Post('sign-out')
  @Roles('agent')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PresenceViewDto })
  @ApiOperation({ operationId: 'signOut', summary: 'Stop taking work: presence offline; open conversations go back to the queue' })
  async signOut(@CurrentUser() agent: AuthUser): Promise<PresenceViewDto> {
    await this.presence.signOut(agent.id, 'requested', agent.id);
    return { presence: 'offline', signedInAt: null };
  }

  @Put('presence')
  @Roles('agent')
  @ApiOkResponse({ type: PresenceViewDto })
  @ApiOperation({ operationId: 'changePresence', summary: 'Available or away; away takes no new work' })
  @ApiErrors(400)
  @ApiError(409, 'the caller is signed out')
  changePresence(@CurrentUser() agent: AuthUser, @Body() body: UpdatePresenceDto): Promise<PresenceViewDto> {
    return this.presence.changePresence(agent, body.status);
  }
}

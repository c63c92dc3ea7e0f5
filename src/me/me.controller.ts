import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { MeViewDto } from './dto/me-view.dto';
import { PresenceViewDto } from './dto/presence-view.dto';
import { UpdatePresenceDto } from './dto/update-presence.dto';
import { MeService } from './me.service';
import { PresenceService } from './presence.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly me: MeService,
    private readonly presence: PresenceService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeViewDto })
  describe(@CurrentUser() user: AuthUser): Promise<MeViewDto> {
    return this.me.describe(user);
  }

  @Post('sign-in')
  @Roles('agent')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PresenceViewDto, description: "409 for a volunteer outside a claimed shift or when its incident's surge is not active" })
  signIn(@CurrentUser() agent: AuthUser): Promise<PresenceViewDto> {
    return this.presence.signIn(agent);
  }

  @Post('sign-out')
  @Roles('agent')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PresenceViewDto })
  async signOut(@CurrentUser() agent: AuthUser): Promise<PresenceViewDto> {
    await this.presence.signOut(agent.id, 'requested', agent.id);
    return { presence: 'offline', signedInAt: null };
  }

  @Put('presence')
  @Roles('agent')
  @ApiOkResponse({ type: PresenceViewDto, description: '409 when signed out' })
  changePresence(@CurrentUser() agent: AuthUser, @Body() body: UpdatePresenceDto): Promise<PresenceViewDto> {
    return this.presence.changePresence(agent, body.status);
  }
}

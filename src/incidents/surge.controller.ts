import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../common/auth/auth.decorators';
import { SurgeStatusDto } from './dto/surge-status.dto';
import { SurgeService } from './surge.service';

@ApiTags('incidents')
@ApiSignedIn()
@Controller('surge')
export class SurgeController {
  constructor(private readonly surge: SurgeService) {}

  @Get()
  @ApiOperation({ operationId: 'getSurge', summary: 'Whether surge mode is on, and for which incident (any signed-in user)' })
  @ApiOkResponse({ type: SurgeStatusDto })
  current(): Promise<SurgeStatusDto> {
    return this.surge.currentSurge();
  }
}

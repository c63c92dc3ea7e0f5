import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SurgeStatusDto } from './dto/surge-status.dto';
import { SurgeService } from './surge.service';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('surge')
export class SurgeController {
  constructor(private readonly surge: SurgeService) {}

  @Get()
  @ApiOperation({ summary: 'Whether surge mode is on, and for which incident (any signed-in user)' })
  @ApiOkResponse({ type: SurgeStatusDto })
  current(): Promise<SurgeStatusDto> {
    return this.surge.currentSurge();
  }
}

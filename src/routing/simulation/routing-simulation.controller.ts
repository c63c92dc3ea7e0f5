import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { ReceiveMessageDto } from '../../intake/dto/receive-message.dto';
import { RoutingSimulationService } from './routing-simulation.service';
import { SimulationResultDto } from './simulation-result.dto';

@ApiTags('routing rules')
@ApiBearerAuth()
@Controller('routing/simulate')
export class RoutingSimulationController {
  constructor(private readonly simulation: RoutingSimulationService) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: SimulationResultDto })
  simulate(@Body() message: ReceiveMessageDto): Promise<SimulationResultDto> {
    return this.simulation.simulate(message);
  }
}

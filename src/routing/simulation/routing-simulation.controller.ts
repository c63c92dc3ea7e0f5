import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiSignedIn, Roles } from '../../common/auth/auth.decorators';
import { ReceiveMessageDto } from '../../intake/dto/receive-message.dto';
import { RoutingSimulationService } from './routing-simulation.service';
import { SimulationResultDto } from './simulation-result.dto';

@ApiTags('routing rules')
@ApiSignedIn()
@Controller('routing/simulate')
export class RoutingSimulationController {
  constructor(private readonly simulation: RoutingSimulationService) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: SimulationResultDto })
  @ApiOperation({ operationId: 'simulateRouting', summary: 'Which rule and agent an intake-shaped message would get; changes nothing' })
  @ApiErrors(400)
  simulate(@Body() message: ReceiveMessageDto): Promise<SimulationResultDto> {
    return this.simulation.simulate(message);
  }
}

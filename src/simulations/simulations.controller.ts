import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { invalidInput } from '../common/errors/domain-error';
import { CreateSimulationDto } from './dto/create-simulation.dto';
import { SimulationCreatedDto, SimulationViewDto } from './dto/simulation-view.dto';
import { SimulationsService } from './simulations.service';

const SimulationIdParam = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') }));

@ApiTags('simulations')
@ApiSignedIn()
@Controller('simulations')
export class SimulationsController {
  constructor(private readonly simulations: SimulationsService) {}

  @Post()
  @HttpCode(202)
  @Roles('incident_manager')
  @ApiOperation({ operationId: 'startSimulation', summary: 'Replay a scenario through the routing engine in simulated time' })
  @ApiAcceptedResponse({ type: SimulationCreatedDto })
  @ApiErrors(400)
  @ApiError(404, 'the scenario replays an incident that does not exist')
  start(@Body() body: CreateSimulationDto, @CurrentUser() user: AuthUser): Promise<SimulationCreatedDto> {
    return this.simulations.start(body, user.id);
  }

  @Get(':id')
  @Roles('incident_manager')
  @ApiOperation({ operationId: 'getSimulation', summary: 'Progress, then the figures of a replay' })
  @ApiOkResponse({ type: SimulationViewDto })
  @ApiErrors(400, 404)
  view(@SimulationIdParam() id: string): Promise<SimulationViewDto> {
    return this.simulations.view(id);
  }

  @Get(':id/chart.svg')
  @Roles('incident_manager')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @ApiOperation({ operationId: 'getSimulationChart', summary: 'Queue, agents and p90 first response per hour (SVG); 409 while running' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'an SVG document', schema: { type: 'string' } })
  @ApiErrors(400, 404)
  @ApiError(409, 'the simulation is still running')
  chart(@SimulationIdParam() id: string): Promise<string> {
    return this.simulations.chartSvg(id);
  }
}

import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ApiSignedIn, Roles } from '../common/auth/auth.decorators';
import { ScenarioPlanRequestDto } from './dto/scenario-plan-request.dto';
import { StaffingPlanQueryDto } from './dto/staffing-plan-query.dto';
import { StaffingPlanViewDto } from './dto/staffing-plan-view.dto';
import { StaffingService } from './staffing.service';

@ApiTags('staffing')
@ApiSignedIn()
@Controller('staffing/plan')
export class StaffingController {
  constructor(private readonly staffing: StaffingService) {}

  @Get()
  @Roles('incident_manager')
  @ApiOperation({ operationId: 'getStaffingPlan', summary: 'Agents needed per language and bucket, from the last hour of intake' })
  @ApiOkResponse({ type: StaffingPlanViewDto })
  @ApiErrors(400)
  plan(@Query() query: StaffingPlanQueryDto): Promise<StaffingPlanViewDto> {
    return this.staffing.planFromRecentIntake(query);
  }

  @Post()
  @HttpCode(200)
  @Roles('incident_manager')
  @ApiOperation({ operationId: 'planScenario', summary: "Agents needed per language and bucket for a scenario's arrivals" })
  @ApiOkResponse({ type: StaffingPlanViewDto })
  @ApiErrors(400)
  planScenario(@Body() body: ScenarioPlanRequestDto): StaffingPlanViewDto {
    return this.staffing.planForScenario(body);
  }
}

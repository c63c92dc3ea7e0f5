import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { invalidInput } from '../common/errors/domain-error';
import { Page } from '../common/pagination/page';
import { CreateShiftDto } from './dto/create-shift.dto';
import { ListShiftsQueryDto } from './dto/list-shifts.dto';
import { ShiftPageDto, ShiftViewDto } from './dto/shift-view.dto';
import { ShiftsService } from './shifts.service';

const ShiftId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') }));

@ApiTags('shifts')
@ApiSignedIn()
@Controller('shifts')
export class ShiftsController {
  constructor(private readonly shifts: ShiftsService) {}

  @Post()
  @Roles('incident_manager')
  @ApiCreatedResponse({ type: ShiftViewDto })
  @ApiOperation({ operationId: 'createShift', summary: 'Schedule a shift' })
  @ApiErrors(400)
  @ApiError(404, 'unknown incidentId')
  @ApiError(409, 'the incident is closed')
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateShiftDto): Promise<ShiftViewDto> {
    return this.shifts.createShift(actor, body);
  }

  @Get()
  @ApiOkResponse({ type: ShiftPageDto, description: 'claimant names only for incident managers and admins' })
  @ApiOperation({ operationId: 'listShifts', summary: 'Shifts in a time range with their claims' })
  @ApiErrors(400)
  list(@CurrentUser() viewer: AuthUser, @Query() query: ListShiftsQueryDto): Promise<Page<ShiftViewDto>> {
    return this.shifts.listShifts(viewer, query);
  }

  @Post(':id/claim')
  @Roles('agent')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ShiftViewDto })
  @ApiOperation({ operationId: 'claimShift', summary: 'Claim a slot of a shift' })
  @ApiErrors(400, 404)
  @ApiError(409, 'full, over, already claimed, overlapping a claimed shift or past the 24-hour limit')
  @ApiError(403, 'not an agent, or a volunteer claiming a shift of another incident')
  claim(@CurrentUser() agent: AuthUser, @ShiftId() id: string): Promise<ShiftViewDto> {
    return this.shifts.claimShift(agent, id);
  }

  @Delete(':id/claim')
  @Roles('agent')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'released' })
  @ApiOperation({ operationId: 'releaseShiftClaim', summary: "Give up the caller's claim on a shift" })
  @ApiErrors(400)
  @ApiError(404, 'unknown shift, or the caller has no claim on it')
  @ApiError(409, 'the shift is over; its claim stays on record')
  release(@CurrentUser() agent: AuthUser, @ShiftId() id: string): Promise<void> {
    return this.shifts.releaseShift(agent, id);
  }
}

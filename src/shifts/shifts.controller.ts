import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { invalidInput } from '../common/errors/domain-error';
import { Page } from '../common/pagination/page';
import { CreateShiftDto } from './dto/create-shift.dto';
import { ListShiftsQueryDto } from './dto/list-shifts.dto';
import { ShiftPageDto, ShiftViewDto } from './dto/shift-view.dto';
import { ShiftsService } from './shifts.service';

const ShiftId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') }));

@ApiTags('shifts')
@ApiBearerAuth()
@Controller('shifts')
export class ShiftsController {
  constructor(private readonly shifts: ShiftsService) {}

  @Post()
  @Roles('incident_manager')
  @ApiCreatedResponse({ type: ShiftViewDto })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateShiftDto): Promise<ShiftViewDto> {
    return this.shifts.createShift(actor, body);
  }

  @Get()
  @ApiOkResponse({ type: ShiftPageDto, description: 'claimant names only for incident managers and admins' })
  list(@CurrentUser() viewer: AuthUser, @Query() query: ListShiftsQueryDto): Promise<Page<ShiftViewDto>> {
    return this.shifts.listShifts(viewer, query);
  }

  @Post(':id/claim')
  @Roles('agent')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ShiftViewDto, description: '409 when full, over, already claimed or overlapping a claimed shift' })
  claim(@CurrentUser() agent: AuthUser, @ShiftId() id: string): Promise<ShiftViewDto> {
    return this.shifts.claimShift(agent, id);
  }

  @Delete(':id/claim')
  @Roles('agent')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: '404 when the caller has no claim on the shift' })
  release(@CurrentUser() agent: AuthUser, @ShiftId() id: string): Promise<void> {
    return this.shifts.releaseShift(agent, id);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { FlightListDto, FlightReplyDto, FlightReplyResultDto, ListFlightsQueryDto } from './dto/flight.dto';
import { FlightsService } from './flights.service';

@ApiTags('flights')
@ApiSignedIn()
@Roles('incident_manager')
@Controller('flights')
export class FlightsController {
  constructor(private readonly flights: FlightsService) {}

  @Get()
  @ApiOperation({ operationId: 'listFlights', summary: 'Flights with open conversations, most open first' })
  @ApiOkResponse({ type: FlightListDto })
  @ApiErrors(400)
  list(@Query() _query: ListFlightsQueryDto): Promise<FlightListDto> {
    return this.flights.listOpen();
  }

  @Post(':flightNumber/replies')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'replyToFlight',
    summary: "One reply to every open conversation of the flight, each in its passenger's language; a first response where none",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '1-100 characters; the same key again answers the same, sending nothing' })
  @ApiOkResponse({ type: FlightReplyResultDto })
  @ApiError(400, 'no Idempotency-Key, neither or both of text and templateId, or an invalid field')
  @ApiError(404, 'no open conversation of this flight, or an unknown template')
  @ApiError(409, 'the Idempotency-Key was used with a different request')
  reply(
    @CurrentUser() user: AuthUser,
    @Param('flightNumber') flightNumber: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: FlightReplyDto,
  ): Promise<FlightReplyResultDto> {
    return this.flights.replyToFlight(user, flightNumber, key, body);
  }
}

import { Body, Controller, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiError } from '../openapi/api-errors.decorator';
import { Public } from '../common/auth/auth.decorators';
import { INTAKE_SIGNATURE_SCHEME } from '../openapi/openapi-security';
import { IntakeResultDto } from './dto/intake-result.dto';
import { ReceiveMessageDto } from './dto/receive-message.dto';
import { IntakeSignatureGuard } from './intake-signature.guard';
import { IntakeService } from './intake.service';
import { RateLimited } from '../rate-limits/rate-limit.decorator';

@ApiTags('intake')
@Controller('intake')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post('messages')
  @Public()
  @RateLimited('intake')
  @UseGuards(IntakeSignatureGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ operationId: 'receiveMessage', summary: 'Receive a passenger message from a channel connector' })
  @ApiSecurity(INTAKE_SIGNATURE_SCHEME)
  @ApiAcceptedResponse({ type: IntakeResultDto, description: 'Stored; a new conversation is queued for routing' })
  @ApiOkResponse({ type: IntakeResultDto, description: 'Already received (same channel and externalId); nothing changed' })
  @ApiError(400, 'A field is invalid; the message names it')
  @ApiError(401, 'Missing or wrong X-Signature')
  @ApiError(409, 'the message raced a concurrent one of the same sender; retry it')
  async receiveMessage(@Body() body: ReceiveMessageDto, @Res({ passthrough: true }) response: Response): Promise<IntakeResultDto> {
    const result = await this.intake.receiveMessage(body);
    if (result.duplicate) response.status(HttpStatus.OK);
    return result;
  }
}

import { Body, Controller, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../common/auth/auth.decorators';
import { IntakeResultDto } from './dto/intake-result.dto';
import { ReceiveMessageDto } from './dto/receive-message.dto';
import { IntakeSignatureGuard } from './intake-signature.guard';
import { IntakeService } from './intake.service';

@ApiTags('intake')
@Controller('intake')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post('messages')
  @Public()
  @UseGuards(IntakeSignatureGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Receive a passenger message from a channel connector' })
  @ApiHeader({ name: 'X-Signature', required: true, description: '`sha256=<hex HMAC-SHA256 of the raw body with INTAKE_SECRET>`' })
  @ApiAcceptedResponse({ type: IntakeResultDto, description: 'Stored; a new conversation is queued for routing' })
  @ApiOkResponse({ type: IntakeResultDto, description: 'Already received (same channel and externalId); nothing changed' })
  @ApiBadRequestResponse({ description: 'A field is invalid; the message names it' })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong X-Signature' })
  async receiveMessage(@Body() body: ReceiveMessageDto, @Res({ passthrough: true }) response: Response): Promise<IntakeResultDto> {
    const result = await this.intake.receiveMessage(body);
    if (result.duplicate) response.status(HttpStatus.OK);
    return result;
  }
}

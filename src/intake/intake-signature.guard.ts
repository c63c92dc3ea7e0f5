import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { unauthenticated } from '../common/errors/domain-error';
import { AppConfigService } from '../config/app-config.service';
import { verifyIntakeSignature } from './intake-signature';

export const SIGNATURE_HEADER = 'x-signature';

/**
 * Connectors sign the raw body; a guard runs before the validation pipe, so an unsigned request is
 * answered 401 without revealing which of its fields would have been invalid.
 */
@Injectable()
export class IntakeSignatureGuard implements CanActivate {
  constructor(private readonly config: AppConfigService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
    const header = request.header(SIGNATURE_HEADER);
    if (!verifyIntakeSignature(request.rawBody, header, this.config.get('INTAKE_SECRET'))) {
      throw unauthenticated(header ? 'Invalid X-Signature' : 'Missing X-Signature');
    }
    return true;
  }
}

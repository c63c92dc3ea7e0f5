import { createSecretKey } from 'node:crypto';
import { JwtModuleOptions } from '@nestjs/jwt';
import { AppConfigService } from '../config/app-config.service';

/** How access tokens are signed and verified, for every module that registers JwtModule. */
export function jwtOptions(config: AppConfigService): JwtModuleOptions {
  return {
    // A KeyObject: given a string, jsonwebtoken first tries to parse it as a PEM key on every verify.
    secret: createSecretKey(Buffer.from(config.get('JWT_SECRET'))),
    signOptions: { algorithm: 'HS256', expiresIn: config.get('JWT_TTL_SECONDS') },
    verifyOptions: { algorithms: ['HS256'] },
  };
}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfigService } from '../config/app-config.service';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthLookupCache } from './auth-lookup-cache';
import { AuthService } from './auth.service';
import { jwtOptions } from './jwt-options';
import { RequestAuthenticator } from './request-authenticator';
import { AccessWatch } from './sessions/access-watch';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';

/** Global: the event streams and the Bull dashboard's gate check credentials the same way. */
@Global()
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: jwtOptions,
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsService,
    SessionsRepository,
    RequestAuthenticator,
    AuthLookupCache,
    AccessWatch,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [RequestAuthenticator, AccessWatch],
})
export class AuthModule {}

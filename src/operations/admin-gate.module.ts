import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfigService } from '../config/app-config.service';
import { jwtOptions } from '../auth/jwt-options';
import { UsersModule } from '../users/users.module';
import { AdminGate } from './admin-gate';

/** Verifies the same access tokens the AuthModule issues (same secret), for routes outside Nest's guards. */
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: jwtOptions,
    }),
  ],
  providers: [AdminGate],
  exports: [AdminGate],
})
export class AdminGateModule {}

import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfigService } from '../config/app-config.service';
import { UsersModule } from '../users/users.module';
import { AdminGate } from './admin-gate';

/** Verifies the same access tokens the AuthModule issues (same secret), for routes outside Nest's guards. */
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({ secret: config.get('JWT_SECRET') }),
    }),
  ],
  providers: [AdminGate],
  exports: [AdminGate],
})
export class AdminGateModule {}

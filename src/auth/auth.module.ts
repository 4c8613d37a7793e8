import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { EventsModule } from '../events/events.module';
import { AdminInvitationsController } from './admin-invitations.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_ALGORITHM } from './auth.types';
import { authThrottlerOptions, AuthThrottlerGuard } from './guards/auth-throttler.guard';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { InvitationsService } from './invitations.service';
import { JwtStrategy } from './jwt.strategy';
import { MailTokenSealer } from './mail-token-sealer';
import { ProfilesService } from './profiles.service';
import { SessionsService } from './sessions.service';

/**
 * Authentication and authorisation. The two global guards run on every route, in this order:
 * JwtAuthGuard (who is calling; `@Public()` opts out), then RolesGuard (`@Roles`, and admin-only
 * for everything under /api/admin). Login and register also pass AuthThrottlerGuard.
 */
@Module({
  imports: [
    EventsModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: JWT_ALGORITHM, expiresIn: ACCESS_TOKEN_TTL_SECONDS },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => authThrottlerOptions(config.authRateLimit),
    }),
  ],
  controllers: [AuthController, AdminInvitationsController],
  providers: [
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    AuthThrottlerGuard,
    SessionsService,
    AuthService,
    InvitationsService,
    ProfilesService,
    MailTokenSealer,
  ],
  exports: [JwtModule, ProfilesService],
})
export class AuthModule {}

import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { throttlerStorageFor } from '../common/redis/throttler-storage';
import { APP_CONFIG } from '../config/app-config.module';
import { EventsModule } from '../events/events.module';
import { AccessTokenVerifier } from './access-token-verifier';
import { AccountClosureService } from './account-closure.service';
import { AccountTokensService } from './account-tokens.service';
import { AccountsController } from './accounts.controller';
import { AdminInvitationsController } from './admin-invitations.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { EmailVerificationService } from './email-verification.service';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_ALGORITHM } from './auth.types';
import { authThrottlerOptions, AuthThrottlerGuard } from './guards/auth-throttler.guard';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { StoreAccessGuard } from './guards/store-access.guard';
import { InvitationsService } from './invitations.service';
import { MailTokenSealer } from './mail-token-sealer';
import { PasswordChangeService } from './password-change.service';
import { PasswordRecoveryService } from './password-recovery.service';
import { ProfilesService } from './profiles.service';
import { SessionsService } from './sessions.service';
import { TokenRetention } from './token-retention';

/**
 * Authentication and authorisation. The three global guards run on every route, in this order:
 * JwtAuthGuard (who is calling; `@Public()` opts out), RolesGuard (`@Roles`, and admin-only with an
 * `@Allow` declaration for everything under /api/admin), then StoreAccessGuard (the admin's role in the
 * route's store, src/staff). Login and register also pass AuthThrottlerGuard.
 */
@Module({
  imports: [
    DiscoveryModule,
    EventsModule,
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
      // Shared counters in Redis when REDIS_URL is set (src/common/redis), else in memory.
      useFactory: (config: AppConfig) => ({
        ...authThrottlerOptions(config.authRateLimit),
        storage: throttlerStorageFor(config),
      }),
    }),
  ],
  controllers: [AuthController, AccountsController, AdminInvitationsController],
  providers: [
    AccessTokenVerifier,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: StoreAccessGuard },
    AuthThrottlerGuard,
    SessionsService,
    AuthService,
    InvitationsService,
    ProfilesService,
    MailTokenSealer,
    TokenRetention,
    AccountTokensService,
    EmailVerificationService,
    PasswordRecoveryService,
    PasswordChangeService,
    AccountClosureService,
  ],
  exports: [
    JwtModule,
    ProfilesService,
    InvitationsService,
    SessionsService,
    AuthThrottlerGuard,
    EmailVerificationService,
    PasswordChangeService,
    AccountClosureService,
    TokenRetention,
  ],
})
export class AuthModule {}

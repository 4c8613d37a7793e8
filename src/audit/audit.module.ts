import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** Global: every module's services record their changes through AuditService. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}

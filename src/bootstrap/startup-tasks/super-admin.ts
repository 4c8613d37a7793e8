import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ensureSuperAdmin } from '../../auth/super-admin';
import { AppConfig } from '../../config/app-config';

const logger = new Logger('Startup');

/** ADMIN_EMAIL is a super_admin after every start; a generated password is printed once. */
export async function ensureConfiguredSuperAdmin(dataSource: DataSource, config: AppConfig): Promise<void> {
  const admin = await ensureSuperAdmin(dataSource, config.adminEmail, config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, to the console only (never to the log table or a log file): it is not stored.
    process.stdout.write(
      `\nSuper admin created: ${config.adminEmail}\n` +
        `Password (shown once, set ADMIN_PASSWORD to choose your own): ${admin.generatedPassword}\n\n`,
    );
  } else if (admin.created) {
    logger.log(`Super admin ${config.adminEmail} created with ADMIN_PASSWORD`);
  } else if (admin.promoted) {
    logger.log(`Existing profile ${config.adminEmail} promoted to super_admin`);
  }
}

import { Logger } from '@nestjs/common';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { ensureSuperAdmin } from '../auth/super-admin';
import { AppConfig } from '../config/app-config';
import { seedDemoStore } from '../demo/demo-seed';

export interface StartupContext {
  /** True when main.ts started the embedded PostgreSQL (the default run without DATABASE_URL). */
  embedded: boolean;
}

/** Marks a data folder whose demo store was seeded, so deleting the demo store later does not bring it back. */
export const DEMO_SEEDED_MARKER = 'demo-seeded';

const logger = new Logger('Startup');

/**
 * Runs once per start, after the migrations and before the HTTP server exists, while main.ts holds
 * the migration lock (so several instances starting together do not both seed).
 */
export async function runStartupTasks(
  dataSource: DataSource,
  config: AppConfig,
  context: StartupContext,
): Promise<void> {
  if (context.embedded) {
    await seedDemoOnFirstRun(dataSource, config.dataDir);
  }

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

async function seedDemoOnFirstRun(dataSource: DataSource, dataDir: string): Promise<void> {
  const marker = path.join(dataDir, DEMO_SEEDED_MARKER);
  if (existsSync(marker)) return;
  const seeded = await seedDemoStore(dataSource);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  if (seeded) {
    logger.log(
      `Demo store "demo" seeded: ${seeded.products} products, ${seeded.variants} variants (GET /api/stores/demo/products)`,
    );
  }
}

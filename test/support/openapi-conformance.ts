/**
 * Checks every response of the e2e suite against the OpenAPI document the app serves (issue 10: the
 * document can no longer drift from the code). createTestApp installs a middleware that sees each
 * request under /api, captures status, Content-Type and body (also the bodies AppExpressAdapter
 * writes itself: it wraps res.write/res.end, below every reply path), and checks them against the
 * operation the request path matches in the served document.
 *
 * OPENAPI_CONFORMANCE:
 * - `strict` (default): a violation fails the test that caused it (an afterEach of every test file that imports
 *   this; one in a beforeAll fails the next test, one after the last test fails the file).
 * - `report`: violations are appended as JSON lines to
 *   OPENAPI_VIOLATIONS_FILE (default /tmp/openapi-violations.jsonl); nothing is printed.
 * - `off`: no middleware.
 * In strict and report mode each test file also appends the operations it exercised to
 * OPENAPI_EXERCISED_FILE (default /tmp/openapi-exercised.jsonl); globalTeardown turns them into
 * OPENAPI_COVERAGE_FILE (default /tmp/openapi-coverage.json), with the operations no test exercised.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import request from 'supertest';

export type ConformanceMode = 'strict' | 'report' | 'off';
/** Every route is documented: a violation fails the test that caused it. */
const DEFAULT_MODE: ConformanceMode = 'strict';

export type ViolationKind =
  | 'undocumented-path'
  | 'undocumented-method'
  | 'undocumented-status'
  | 'body-on-no-content'
  | 'undocumented-body'
  | 'missing-body'
  | 'undocumented-content-type'
  | 'invalid-json'
  | 'schema-mismatch'
  | 'undocumented-property';

export interface Violation {
  kind: ViolationKind;
  method: string;
  /** The matched path template, or the request path when nothing matched. */
  path: string;
  status: number;
  problem: string;
}

/** What the middleware captured of one request and its response. */
export interface Exchange {
  method: string;
  /** Without the query string. */
  path: string;
  status: number;
  contentType?: string;
  body: Buffer;
  /** An Express route handled it (as opposed to the not-found handler). */
  routed: boolean;
  /** A CORS preflight (answered by the CORS middleware, not an operation). */
  preflight?: boolean;
}

export interface CheckResult {
  /** `GET /api/stores/{storeId}`, when the request matched a documented operation. */
  operation?: string;
  violations: Violation[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
}

interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
  $ref?: string;
}

interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
/** Where the document's components live in ajv, as documented or closed. */
const componentsId = (closed: boolean): string => `urn:openapi:components${closed ? ':closed' : ''}`;
const API_PREFIX = '/api';
const DOCS_PREFIX = '/api/docs';
const MAX_ERRORS_SHOWN = 3;

export function conformanceMode(env: NodeJS.ProcessEnv = process.env): ConformanceMode {
  const value = env.OPENAPI_CONFORMANCE?.trim().toLowerCase();
  if (!value) return DEFAULT_MODE;
  if (value === 'strict' || value === 'report' || value === 'off') return value;
  throw new Error(`OPENAPI_CONFORMANCE must be strict, report or off (got ${JSON.stringify(value)})`);
}

export function violationsFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPENAPI_VIOLATIONS_FILE || '/tmp/openapi-violations.jsonl';
}

export function exercisedFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPENAPI_EXERCISED_FILE || '/tmp/openapi-exercised.jsonl';
}

export function coverageFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPENAPI_COVERAGE_FILE || '/tmp/openapi-coverage.json';
}

/**
 * Which jest run wrote a line: the pid of jest's main process (workers are its forked children;
 * in band the tests run in it). globalTeardown, in the main process, reads its own run's lines.
 */
export function runId(): number {
  return typeof process.send === 'function' ? process.ppid : process.pid;
}

interface Template {
  path: string;
  regex: RegExp;
  /** Per segment, 0 literal, 1 parameter: literal segments win (`/products/slug/{slug}` over `/products/{id}/{x}`). */
  rank: number[];
  item: Record<string, unknown>;
}

/**
 * One document's checker: path templates and validators, compiled once per document (validators
 * lazily, per response actually seen) and shared by every app of the test file that serves it.
 */
export class OpenApiChecker {
  private readonly templates: Template[];
  /** Holds the components twice: as documented, and closed (`unevaluatedProperties: false`). */
  private readonly ajv: Ajv2019;
  /** By schema text and variant: most responses share a schema (ErrorResponse above all). */
  private readonly validators = new Map<string, ValidateFunction | null>();
  /** Operations whose controller is test-only (TestAppOptions.imports): neither checked nor counted. */
  private readonly skippedOperationIds: ReadonlySet<string>;

  constructor(
    private readonly document: OpenApiDocument,
    options: { skipOperationIdPrefixes?: readonly string[] } = {},
  ) {
    const prefixes = options.skipOperationIdPrefixes ?? [];
    const skipped = new Set<string>();
    this.templates = Object.entries(document.paths).map(([template, item]) => {
      for (const method of HTTP_METHODS) {
        const id = (item[method] as OperationObject | undefined)?.operationId;
        if (id && prefixes.some((prefix) => id.startsWith(prefix))) skipped.add(`${method} ${template}`);
      }
      const segments = template.split('/').filter(Boolean);
      const pattern = segments
        .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : escapeRegExp(segment)))
        .join('/');
      return {
        path: template,
        regex: new RegExp(`^/${pattern}/?$`),
        rank: segments.map((segment) => (segment.startsWith('{') ? 1 : 0)),
        item,
      };
    });
    this.templates.sort((a, b) => compareRanks(a.rank, b.rank));
    this.skippedOperationIds = skipped;

    this.ajv = createAjv(document.components ?? {});
  }

  /** Every documented operation that is checked, as `GET /api/…`. */
  operations(): string[] {
    const result: string[] = [];
    for (const { path: template, item } of this.templates) {
      for (const method of HTTP_METHODS) {
        if (item[method] && !this.skippedOperationIds.has(`${method} ${template}`)) {
          result.push(`${method.toUpperCase()} ${template}`);
        }
      }
    }
    return result.sort();
  }

  check(exchange: Exchange): CheckResult {
    const url = exchange.path;
    if (!isApiPath(url) || isDocsPath(url) || exchange.preflight) return { violations: [] };
    const method = exchange.method.toUpperCase();
    const violation = (kind: ViolationKind, at: string, problem: string): CheckResult => ({
      violations: [{ kind, method, path: at, status: exchange.status, problem }],
    });

    const template = this.templates.find((candidate) => candidate.regex.test(url));
    if (!template) {
      // A test probing a route that does not exist: the not-found handler's 404 is fine.
      return exchange.status === 404 && !exchange.routed
        ? { violations: [] }
        : violation('undocumented-path', url, `no documented path matches ${url}`);
    }
    let key = method.toLowerCase();
    if (key === 'head' && !template.item.head) key = 'get'; // Express answers HEAD with the GET route
    if (this.skippedOperationIds.has(`${key} ${template.path}`)) return { violations: [] };
    const operation = template.item[key] as OperationObject | undefined;
    if (!operation) {
      return exchange.status === 404 && !exchange.routed
        ? { violations: [] }
        : violation('undocumented-method', template.path, `${method} is not documented on ${template.path}`);
    }
    const name = `${key.toUpperCase()} ${template.path}`;
    const result = (kind: ViolationKind, problem: string): CheckResult => ({
      operation: name,
      violations: violation(kind, template.path, problem).violations,
    });
    const ok: CheckResult = { operation: name, violations: [] };

    const responses = operation.responses ?? {};
    const statusKey = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find(
      (candidate) => responses[candidate] !== undefined,
    );
    if (!statusKey) {
      const documented = Object.keys(responses).join(', ') || 'none';
      return result(
        'undocumented-status',
        `status ${exchange.status} is not documented (documented: ${documented})`,
      );
    }
    const response = this.resolve(responses[statusKey]);
    const hasBody = exchange.body.length > 0;
    if (exchange.status === 204 || exchange.status === 304) {
      return hasBody ? result('body-on-no-content', `a ${exchange.status} must not have a body`) : ok;
    }
    const content = response.content ?? {};
    const mediaTypes = Object.keys(content);
    if (!hasBody) {
      return mediaTypes.length > 0 && method !== 'HEAD'
        ? result('missing-body', `documented ${mediaTypes.join(', ')}, but the response has no body`)
        : ok;
    }
    const mediaType = (exchange.contentType ?? '').split(';')[0].trim().toLowerCase();
    const json = isJsonMediaType(mediaType);
    if (mediaTypes.length === 0) {
      return result(
        'undocumented-body',
        json
          ? 'a JSON body where none is documented'
          : `a ${mediaType || 'untyped'} body where none is documented`,
      );
    }
    const mediaKey = findMediaKey(mediaTypes, mediaType);
    if (!mediaKey) {
      return result(
        'undocumented-content-type',
        `Content-Type ${mediaType || '(none)'} is not documented (documented: ${mediaTypes.join(', ')})`,
      );
    }
    if (!json) return ok;
    let body: unknown;
    try {
      body = JSON.parse(exchange.body.toString('utf8'));
    } catch {
      return result('invalid-json', 'the body is not valid JSON');
    }
    const schema = content[mediaKey].schema;
    const validate = this.validator(schema, false);
    if (validate && !validate(body)) {
      return result('schema-mismatch', describeErrors(validate.errors ?? []));
    }
    // Only fields the document does not name are left: the typed client cannot see them.
    const closed = this.validator(schema, true);
    if (closed && !closed(body)) {
      return result(
        'undocumented-property',
        describeErrors(closed.errors ?? [], 'fields the document does not name'),
      );
    }
    return ok;
  }

  private resolve(response: ResponseObject): ResponseObject {
    const ref = response.$ref;
    if (!ref?.startsWith('#/components/responses/')) return response;
    const responses = (this.document.components?.responses ?? {}) as Record<string, ResponseObject>;
    return responses[ref.slice('#/components/responses/'.length)] ?? response;
  }

  private validator(schema: unknown, closed: boolean): ValidateFunction | null {
    if (schema === undefined) return null;
    const key = `${closed ? 'closed' : 'open'} ${JSON.stringify(schema)}`;
    let validate = this.validators.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(toJsonSchema(schema, { closed }) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** Keywords whose value maps names to schemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'schemas', 'definitions', '$defs']);

/**
 * An OpenAPI 3.0 schema as JSON Schema for ajv: `nullable: true` allows null for the whole schema
 * (`anyOf` with null: Nest writes `nullable` next to `allOf: [$ref]`, and typed clients such as
 * openapi-typescript read that as `X | null`), boolean `exclusiveMinimum`/`exclusiveMaximum` become
 * numbers, and local `$ref`s point into the components registered under componentsId().
 */
export function toJsonSchema(value: unknown, options: { closed?: boolean } = {}): unknown {
  if (Array.isArray(value)) return value.map((item) => toJsonSchema(item, options));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(source)) {
    if (key === 'example' || key === 'examples' || key === 'nullable') continue;
    if (key === '$ref' && typeof child === 'string' && child.startsWith('#/')) {
      out.$ref = `${componentsId(options.closed === true)}${child}`;
    } else if (NAME_MAPS.has(key) && child !== null && typeof child === 'object' && !Array.isArray(child)) {
      // Keys of these are names (a property may be called `nullable`), their values schemas.
      out[key] = Object.fromEntries(
        Object.entries(child).map(([name, schema]) => [name, toJsonSchema(schema, options)]),
      );
    } else {
      out[key] = toJsonSchema(child, options);
    }
  }
  for (const bound of ['Minimum', 'Maximum'] as const) {
    const exclusive = `exclusive${bound}`;
    if (typeof out[exclusive] === 'boolean') {
      const limit = out[bound.toLowerCase()];
      if (out[exclusive] === true && typeof limit === 'number') {
        out[exclusive] = limit;
        delete out[bound.toLowerCase()];
      } else {
        delete out[exclusive];
      }
    }
  }
  if (
    options.closed &&
    out.properties !== undefined &&
    out.additionalProperties === undefined &&
    out.unevaluatedProperties === undefined
  ) {
    out.unevaluatedProperties = false;
  }
  return source.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** An ajv for one document's schemas (both variants), with OpenAPI's formats. */
function createAjv(components: Record<string, unknown>): Ajv2019 {
  const ajv = new Ajv2019({ strict: false, logger: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's own formats (ajv-formats knows the JSON Schema ones).
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const format of ['float', 'double']) ajv.addFormat(format, { type: 'number', validate: () => true });
  for (const format of ['binary', 'byte', 'password']) ajv.addFormat(format, () => true);
  for (const closed of [false, true]) {
    ajv.addSchema({ $id: componentsId(closed), components: toJsonSchema(components, { closed }) });
  }
  return ajv;
}

/** Checkers by served document text: every app of a test file serves the same one, compiled once. */
const checkers = new Map<string, OpenApiChecker>();

export function checkerFor(
  documentJson: string,
  skipOperationIdPrefixes: readonly string[] = [],
): OpenApiChecker {
  const key = `${skipOperationIdPrefixes.join(',')}\n${documentJson}`;
  let checker = checkers.get(key);
  if (!checker) {
    checker = new OpenApiChecker(JSON.parse(documentJson) as OpenApiDocument, { skipOperationIdPrefixes });
    checkers.set(key, checker);
  }
  return checker;
}

// ---- The test file's record: violations to fail on or report, operations exercised ----

interface RecordedViolation extends Violation {
  test?: string;
}

const pending: RecordedViolation[] = [];
const reported = new Map<string, RecordedViolation & { count: number }>();
const exercised = new Map<string, Set<number>>();
const documented = new Set<string>();

function currentTest(): { file: string; test?: string } {
  const state = typeof expect === 'function' ? expect.getState() : undefined;
  const file = state?.testPath ? path.relative(process.cwd(), state.testPath) : '(unknown)';
  return { file, test: state?.currentTestName };
}

function record(result: CheckResult, status: number, mode: ConformanceMode, coverage: boolean): void {
  if (result.operation && coverage) {
    let statuses = exercised.get(result.operation);
    if (!statuses) exercised.set(result.operation, (statuses = new Set()));
    statuses.add(status);
  }
  for (const violation of result.violations) {
    const { test } = currentTest();
    if (mode === 'strict') {
      pending.push({ ...violation, test });
      continue;
    }
    // Report mode: one line per distinct violation of the file, with how often it happened.
    const key = `${violation.method} ${violation.path} ${violation.status} ${violation.problem}`;
    const seen = reported.get(key);
    if (seen) seen.count += 1;
    else reported.set(key, { ...violation, test, count: 1 });
  }
}

function formatViolations(violations: readonly RecordedViolation[]): string {
  const lines = violations.map(
    (v) => `  ${v.method} ${v.path} → ${v.status}: ${v.problem}${v.test ? `\n    (during "${v.test}")` : ''}`,
  );
  return (
    `The response does not match the OpenAPI document (/api/docs-json) — document the route ` +
    `(decorators in src/common/openapi) or fix the response:\n${lines.join('\n')}`
  );
}

/** afterEach: in strict mode, the violations seen since the last check fail the current test. */
export function assertNoOpenApiViolations(): void {
  if (pending.length === 0) return;
  const violations = pending.splice(0, pending.length);
  throw new Error(formatViolations(violations));
}

/** afterAll: report mode writes the file's violations; both modes write what it exercised. */
export function flushOpenApiRecord(mode: ConformanceMode = conformanceMode()): void {
  if (mode === 'off') return;
  const { file } = currentTest();
  const run = runId();
  if (reported.size > 0) {
    const lines = [...reported.values()].map((v) => JSON.stringify({ file, run, ...v }));
    fs.appendFileSync(violationsFile(), `${lines.join('\n')}\n`);
    reported.clear();
  }
  if (documented.size > 0) {
    const entry = {
      file,
      run,
      documented: [...documented].sort(),
      exercised: Object.fromEntries(
        [...exercised.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([operation, statuses]) => [operation, [...statuses].sort((a, b) => a - b)]),
      ),
    };
    fs.appendFileSync(exercisedFile(), `${JSON.stringify(entry)}\n`);
    documented.clear();
    exercised.clear();
  }
}

// Registered when a test file imports this (through test/support/app.ts), at the top level of the
// file, so it applies to every test in it. Not registered outside jest's test context.
if (typeof afterEach === 'function' && typeof afterAll === 'function' && conformanceMode() !== 'off') {
  try {
    afterEach(assertNoOpenApiViolations);
    afterAll(() => {
      flushOpenApiRecord();
      assertNoOpenApiViolations();
    });
  } catch {
    // Imported lazily from inside a test or hook: the app still works, unchecked.
  }
}

// ---- The middleware ----

export interface ConformanceHandle {
  /** After app.init(): reads the served document; from then on responses are checked. */
  start(): Promise<void>;
}

/**
 * Prepares the capture on a not yet initialised app; `start` (after init) puts it around the HTTP
 * server's request listener, so that every answer passes through it, the body parsers' errors too.
 */
export interface ConformanceOptions {
  /** The app's test-only modules (TestAppOptions.imports): their routes are not part of the API. */
  testModules?: ModuleMetadata['imports'];
  /** Default: OPENAPI_CONFORMANCE. */
  mode?: ConformanceMode;
  /** Count the document's operations for the coverage report (not for a made-up document). */
  coverage?: boolean;
}

export function installOpenApiConformance(
  app: INestApplication,
  options: ConformanceOptions = {},
): ConformanceHandle {
  const mode = options.mode ?? conformanceMode();
  if (mode === 'off') return { start: () => Promise.resolve() };
  let checker: OpenApiChecker | undefined;

  // Around the HTTP server's own request listener (wrapped in start, once configureApp and init are
  // done): every response is seen, whichever path answered it (Express, the direct reads).
  const capture = (req: Request, res: Response): void => {
    const url = (req.url ?? '').split('?')[0];
    if (!isApiPath(url) || isDocsPath(url)) return;
    const chunks: Buffer[] = [];
    const originalWrite = res.write.bind(res) as (...args: unknown[]) => boolean;
    const originalEnd = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding: unknown): void => {
      if (typeof chunk === 'string')
        chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return originalWrite(chunk, ...rest);
    }) as Response['write'];
    res.end = ((...args: unknown[]) => {
      if (typeof args[0] !== 'function') keep(args[0], args[1]);
      const exchange: Exchange = {
        method: req.method,
        path: url,
        status: res.statusCode,
        contentType: headerValue(res.getHeader('content-type')),
        body: Buffer.concat(chunks),
        routed: req.route !== undefined,
        preflight: req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined,
      };
      if (checker) {
        try {
          record(checker.check(exchange), exchange.status, mode, options.coverage !== false);
        } catch (error) {
          record(
            {
              violations: [
                {
                  kind: 'schema-mismatch',
                  method: req.method,
                  path: url,
                  status: res.statusCode,
                  problem: `checker failed: ${String(error)}`,
                },
              ],
            },
            res.statusCode,
            mode,
            false,
          );
        }
      }
      return originalEnd(...args);
    }) as Response['end'];
  };

  return {
    async start() {
      const server = app.getHttpServer() as Server;
      const listeners = server.listeners('request') as RequestListener[];
      server.removeAllListeners('request');
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        capture(req as Request, res as Response);
        for (const listener of listeners) listener(req, res);
      });
      const served = await request(app.getHttpServer() as Parameters<typeof request>[0]).get(
        `${DOCS_PREFIX}-json`,
      );
      if (served.status !== 200) throw new Error(`GET ${DOCS_PREFIX}-json answered ${served.status}`);
      checker = checkerFor(served.text, operationIdPrefixesOf(options.testModules ?? []));
      if (options.coverage !== false) {
        for (const operation of checker.operations()) documented.add(operation);
      }
    },
  };
}

/** `ErrorsTestController` → `ErrorsTest_`, as document.ts's operationIdFactory names its operations. */
function operationIdPrefixesOf(modules: NonNullable<ModuleMetadata['imports']>): string[] {
  const prefixes: string[] = [];
  for (const entry of modules) {
    const module = (entry && typeof entry === 'object' && 'module' in entry ? entry.module : entry) as object;
    const controllers: unknown[] = [
      ...((Reflect.getMetadata('controllers', module) as unknown[] | undefined) ?? []),
      ...((entry && typeof entry === 'object' && 'controllers' in entry ? entry.controllers : undefined) ??
        []),
    ];
    for (const controller of controllers) {
      if (typeof controller === 'function') prefixes.push(`${controller.name.replace(/Controller$/, '')}_`);
    }
  }
  return prefixes;
}

function headerValue(value: number | string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function isApiPath(url: string): boolean {
  return url === API_PREFIX || url.startsWith(`${API_PREFIX}/`);
}

function isDocsPath(url: string): boolean {
  return url.startsWith(DOCS_PREFIX);
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function findMediaKey(keys: readonly string[], mediaType: string): string | undefined {
  const lower = keys.map((key) => key.toLowerCase());
  const exact = lower.indexOf(mediaType);
  if (exact >= 0) return keys[exact];
  const wildcard = lower.indexOf(`${mediaType.split('/')[0]}/*`);
  if (wildcard >= 0) return keys[wildcard];
  const any = lower.indexOf('*/*');
  return any >= 0 ? keys[any] : undefined;
}

function describeErrors(errors: readonly ErrorObject[], what = 'the schema'): string {
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((error) => {
    const where = error.instancePath || '(body)';
    const params = error.params as { additionalProperty?: string; unevaluatedProperty?: string };
    if (error.keyword === 'unevaluatedProperties')
      return `${error.instancePath}/${String(params.unevaluatedProperty)}`;
    const extra = error.keyword === 'additionalProperties' ? ` ${String(params.additionalProperty)}` : '';
    return `${where} ${error.message ?? error.keyword}${extra}`;
  });
  const more = errors.length > MAX_ERRORS_SHOWN ? ` (+${errors.length - MAX_ERRORS_SHOWN} more)` : '';
  return what === 'the schema'
    ? `body does not match the schema: ${shown.join('; ')}${more}`
    : `the body has ${what}: ${shown.join(', ')}${more}`;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---- The run's coverage (globalTeardown, in jest's main process) ----

interface ExercisedLine {
  run: number;
  file: string;
  documented: string[];
  exercised: Record<string, number[]>;
}

export interface CoverageSummary {
  run: number;
  files: number;
  documented: number;
  exercised: number;
  /** Operations of the document that no test of the run called. */
  neverExercised: string[];
  /** Per exercised operation, the statuses the run saw. */
  statuses: Record<string, number[]>;
}

/**
 * Folds this run's lines of OPENAPI_EXERCISED_FILE into OPENAPI_COVERAGE_FILE and removes them from
 * the scratch file (lines of other, concurrent runs stay). Prints nothing; returns the summary.
 */
export function summarizeOpenApiCoverage(env: NodeJS.ProcessEnv = process.env): CoverageSummary | undefined {
  if (conformanceMode(env) === 'off') return undefined;
  const scratch = exercisedFile(env);
  if (!fs.existsSync(scratch)) return undefined;
  const run = runId();
  const mine: ExercisedLine[] = [];
  const others: string[] = [];
  for (const line of fs.readFileSync(scratch, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let parsed: ExercisedLine | undefined;
    try {
      parsed = JSON.parse(line) as ExercisedLine;
    } catch {
      continue; // a line cut short by a killed run
    }
    if (parsed.run === run) mine.push(parsed);
    else if (isAlive(parsed.run)) others.push(line);
  }
  fs.writeFileSync(scratch, others.length > 0 ? `${others.join('\n')}\n` : '');
  if (mine.length === 0) return undefined;

  const documentedOps = new Set(mine.flatMap((line) => line.documented));
  const statuses = new Map<string, Set<number>>();
  for (const line of mine) {
    for (const [operation, seen] of Object.entries(line.exercised)) {
      if (!documentedOps.has(operation)) continue;
      const set = statuses.get(operation) ?? new Set<number>();
      for (const status of seen) set.add(status);
      statuses.set(operation, set);
    }
  }
  const summary: CoverageSummary = {
    run,
    files: mine.length,
    documented: documentedOps.size,
    exercised: statuses.size,
    neverExercised: [...documentedOps].filter((operation) => !statuses.has(operation)).sort(),
    statuses: Object.fromEntries(
      [...statuses.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([operation, seen]) => [operation, [...seen].sort((a, b) => a - b)]),
    ),
  };
  fs.writeFileSync(coverageFile(env), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

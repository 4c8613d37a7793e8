import { Exchange, OpenApiChecker, toJsonSchema } from '../support/openapi-conformance';

const MONEY = '^-?\\d+\\.\\d{2}$';
const UUID = '3f1c2a9e-8b7d-4c6e-9f00-123456789abc';

/** A small document in the shape Nest's Swagger module writes. */
const DOCUMENT = {
  openapi: '3.0.0',
  paths: {
    '/api/things': {
      post: {
        operationId: 'Things_create',
        responses: {
          '201': {
            description: 'Created',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '400': {
            description: 'Bad',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
          },
        },
      },
    },
    '/api/things/{id}': {
      get: {
        operationId: 'Things_get',
        responses: {
          '200': {
            description: 'One',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      delete: { operationId: 'Things_remove', responses: { '204': { description: 'Gone' } } },
      patch: {
        operationId: 'Things_touch',
        responses: { '200': { description: 'Touched, no body documented' } },
      },
    },
    '/api/things/special': {
      get: {
        operationId: 'Things_special',
        responses: {
          '200': { description: 'Text', content: { 'text/csv': { schema: { type: 'string' } } } },
        },
      },
    },
    '/api/test-only/{x}': {
      get: { operationId: 'OnlyInTests_get', responses: { '200': { description: 'x' } } },
    },
  },
  components: {
    responses: {
      NotFound: {
        description: 'Not found',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
      },
    },
    schemas: {
      ErrorResponse: {
        type: 'object',
        required: ['statusCode', 'error', 'message', 'code'],
        properties: {
          statusCode: { type: 'number' },
          error: { type: 'string' },
          message: { type: 'string' },
          code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
        },
      },
      Thing: {
        type: 'object',
        required: ['id', 'name', 'price', 'note', 'parent', 'status'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string', example: 'Mug' },
          price: { type: 'string', pattern: MONEY },
          note: { type: 'string', nullable: true },
          // As Nest writes a nullable nested class: `type` next to `allOf`.
          parent: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Thing' }] },
          status: { type: 'string', enum: ['draft', 'active'], nullable: true },
          count: { type: 'integer', format: 'int32', minimum: 0, exclusiveMinimum: true },
          createdAt: { type: 'string', format: 'date-time' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
};

const THING = {
  id: UUID,
  name: 'Mug',
  price: '19.99',
  note: 'blue',
  parent: null,
  status: 'active',
  createdAt: '2026-12-01T19:51:20.123Z',
};

function exchange(overrides: Partial<Exchange> & { json?: unknown }): Exchange {
  const { json, ...rest } = overrides;
  return {
    method: 'GET',
    path: `/api/things/${UUID}`,
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(json)),
    routed: true,
    ...rest,
  };
}

describe('OpenApiChecker', () => {
  const checker = new OpenApiChecker(DOCUMENT, { skipOperationIdPrefixes: ['OnlyInTests_'] });
  const kinds = (e: Exchange): string[] => checker.check(e).violations.map((v) => v.kind);

  it('passes a response that matches its documented status and schema', () => {
    const result = checker.check(exchange({ json: THING }));
    expect(result).toEqual({ operation: 'GET /api/things/{id}', violations: [] });
  });

  it('accepts null in nullable fields (a typed one, an allOf $ref, an enum)', () => {
    expect(kinds(exchange({ json: { ...THING, note: null, parent: null, status: null } }))).toEqual([]);
    expect(kinds(exchange({ json: { ...THING, parent: { ...THING } } }))).toEqual([]);
  });

  it('catches null in a field that is not nullable', () => {
    const [violation] = checker.check(exchange({ json: { ...THING, name: null } })).violations;
    expect(violation).toMatchObject({ kind: 'schema-mismatch', path: '/api/things/{id}', status: 200 });
    expect(violation.problem).toContain('/name');
  });

  it('catches a wrong body type: money as a number', () => {
    const [violation] = checker.check(exchange({ json: { ...THING, price: 19.99 } })).violations;
    expect(violation.kind).toBe('schema-mismatch');
    expect(violation.problem).toContain('/price must be string');
  });

  it('catches a missing required field', () => {
    const { name: _name, ...withoutName } = THING;
    const [violation] = checker.check(exchange({ json: withoutName })).violations;
    expect(violation.kind).toBe('schema-mismatch');
    expect(violation.problem).toContain("must have required property 'name'");
  });

  it('checks formats, patterns and bounds (OpenAPI 3.0 boolean exclusiveMinimum)', () => {
    expect(kinds(exchange({ json: { ...THING, id: 'not-a-uuid' } }))).toEqual(['schema-mismatch']);
    expect(kinds(exchange({ json: { ...THING, price: '19.9' } }))).toEqual(['schema-mismatch']);
    expect(kinds(exchange({ json: { ...THING, count: 0 } }))).toEqual(['schema-mismatch']);
    expect(kinds(exchange({ json: { ...THING, count: 1 } }))).toEqual([]);
    expect(kinds(exchange({ json: { ...THING, createdAt: 'yesterday' } }))).toEqual(['schema-mismatch']);
  });

  it('catches fields the document does not name, also in nested and nullable objects', () => {
    const [violation] = checker.check(exchange({ json: { ...THING, secret: 'x' } })).violations;
    expect(violation).toMatchObject({
      kind: 'undocumented-property',
      problem: expect.stringContaining('/secret'),
    });
    const nested = { ...THING, parent: { ...THING, internal: 1 } };
    expect(checker.check(exchange({ json: nested })).violations[0].problem).toContain('/parent/internal');
    // A free-form map (additionalProperties given) names no fields.
    expect(kinds(exchange({ json: { ...THING, labels: { any: 'thing' } } }))).toEqual([]);
  });

  it('catches an undocumented status', () => {
    const [violation] = checker.check(exchange({ status: 409, json: { statusCode: 409 } })).violations;
    expect(violation).toMatchObject({ kind: 'undocumented-status', method: 'GET', status: 409 });
    expect(violation.problem).toContain('documented: 200, 404');
  });

  it('validates error bodies through a $ref to components.responses', () => {
    const error = { statusCode: 404, error: 'Not Found', message: 'no', code: 'THING_NOT_FOUND' };
    expect(kinds(exchange({ status: 404, json: error }))).toEqual([]);
    expect(kinds(exchange({ status: 404, json: { ...error, code: 'lower' } }))).toEqual(['schema-mismatch']);
  });

  it('catches a 204 with a body, and a JSON body where none is documented', () => {
    expect(kinds(exchange({ method: 'DELETE', status: 204 }))).toEqual([]);
    expect(kinds(exchange({ method: 'DELETE', status: 204, json: {} }))).toEqual(['body-on-no-content']);
    expect(kinds(exchange({ method: 'PATCH', status: 200, json: { ok: true } }))).toEqual([
      'undocumented-body',
    ]);
    expect(kinds(exchange({ method: 'PATCH', status: 200 }))).toEqual([]);
  });

  it('catches a documented body that is missing, an undocumented content type and broken JSON', () => {
    expect(kinds(exchange({}))).toEqual(['missing-body']);
    expect(kinds(exchange({ contentType: 'text/html', body: Buffer.from('<p>') }))).toEqual([
      'undocumented-content-type',
    ]);
    expect(kinds(exchange({ body: Buffer.from('{"id":') }))).toEqual(['invalid-json']);
  });

  it('prefers a literal path segment over a parameter, and answers HEAD from GET', () => {
    const special = exchange({
      path: '/api/things/special',
      contentType: 'text/csv',
      body: Buffer.from('a,b'),
    });
    expect(checker.check(special)).toEqual({ operation: 'GET /api/things/special', violations: [] });
    expect(checker.check(exchange({ method: 'HEAD' }))).toEqual({
      operation: 'GET /api/things/{id}',
      violations: [],
    });
  });

  it('lets a probe of a route that does not exist answer 404, and nothing else', () => {
    expect(kinds(exchange({ path: '/api/nope', status: 404, routed: false, json: {} }))).toEqual([]);
    expect(kinds(exchange({ method: 'PUT', status: 404, routed: false, json: {} }))).toEqual([]);
    expect(kinds(exchange({ path: '/api/nope', status: 200, json: {} }))).toEqual(['undocumented-path']);
    expect(kinds(exchange({ method: 'PUT', status: 200, json: {} }))).toEqual(['undocumented-method']);
    // A real route that answers 404 but is not documented is still undocumented.
    expect(kinds(exchange({ method: 'PUT', status: 404, routed: true, json: {} }))).toEqual([
      'undocumented-method',
    ]);
  });

  it('skips the docs, paths outside /api, CORS preflights and test-only controllers', () => {
    expect(checker.check(exchange({ path: '/api/docs-json', status: 200 }))).toEqual({ violations: [] });
    expect(checker.check(exchange({ path: '/health', status: 500 }))).toEqual({ violations: [] });
    expect(checker.check(exchange({ method: 'OPTIONS', status: 204, preflight: true }))).toEqual({
      violations: [],
    });
    expect(checker.check(exchange({ path: '/api/test-only/1', status: 500 }))).toEqual({ violations: [] });
    expect(checker.operations()).toEqual([
      'DELETE /api/things/{id}',
      'GET /api/things/special',
      'GET /api/things/{id}',
      'PATCH /api/things/{id}',
      'POST /api/things',
    ]);
  });
});

describe('toJsonSchema', () => {
  it('turns OpenAPI 3.0 nullable into JSON Schema and keeps property names that look like keywords', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, example: 'x' })).toEqual({
      anyOf: [{ type: 'string' }, { type: 'null' }],
    });
    expect(toJsonSchema({ nullable: true, allOf: [{ $ref: '#/components/schemas/A' }] })).toEqual({
      anyOf: [{ allOf: [{ $ref: 'urn:openapi:components#/components/schemas/A' }] }, { type: 'null' }],
    });
    expect(toJsonSchema({ type: 'object', properties: { nullable: { type: 'boolean' } } })).toEqual({
      type: 'object',
      properties: { nullable: { type: 'boolean' } },
    });
  });
});

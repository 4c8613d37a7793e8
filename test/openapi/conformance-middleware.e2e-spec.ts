import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { assertNoOpenApiViolations } from '../support/openapi-conformance';
import { createThingsApp, THING_ID } from './fixtures/things-app';

/**
 * The capturing middleware on a real app: bodies written by AppExpressAdapter (writeHead + end), by
 * the error filter (res.json) and in pieces (res.write) are all checked against the served document.
 */
describe('OpenAPI conformance middleware', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createThingsApp({ mode: 'strict' });
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
  });

  const violationsOf = (): string => {
    try {
      assertNoOpenApiViolations();
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('passes responses that match the document', async () => {
    await http.get(`/api/things/${THING_ID}`).expect(200);
    await http.get(`/api/things/${THING_ID}/streamed`).expect(200);
    await http.get(`/api/things/${THING_ID}?wrong=missing`).expect(404);
    await http.get('/api/docs-json').expect(200);
    expect(violationsOf()).toBe('');
  });

  it('catches a wrong type in a body the adapter wrote itself', async () => {
    const res = await http.get(`/api/things/${THING_ID}?wrong=price`).expect(200);
    expect(res.body.price).toBe(19.99);
    const message = violationsOf();
    expect(message).toContain('GET /api/things/{id} → 200');
    expect(message).toContain('/price must be string');
    expect(message).toContain('during "OpenAPI conformance middleware catches a wrong type');
  });

  it('catches a missing required field', async () => {
    await http.get(`/api/things/${THING_ID}?wrong=field`).expect(200);
    expect(violationsOf()).toContain("must have required property 'price'");
  });

  it('catches a field the document does not name', async () => {
    await http.get(`/api/things/${THING_ID}?wrong=extra`).expect(200);
    expect(violationsOf()).toContain('the body has fields the document does not name: /secret');
  });

  it('catches an undocumented status from the error filter', async () => {
    await http.get(`/api/things/${THING_ID}?wrong=status`).expect(409);
    expect(violationsOf()).toContain('status 409 is not documented (documented: 200, 404)');
  });

  it('catches a bad body written in pieces with res.write', async () => {
    await http.get(`/api/things/${THING_ID}/streamed?wrong=1`).expect(200);
    expect(violationsOf()).toContain('/price must match pattern');
  });

  it('lets a probe of a route that does not exist answer 404, but not a method that is not documented', async () => {
    await http.get('/api/no-such-route').expect(404);
    await http.delete(`/api/things/${THING_ID}`).expect(404);
    expect(violationsOf()).toBe('');
    await http.put(`/api/things/${THING_ID}`).expect(200);
    expect(violationsOf()).toContain('PUT is not documented on /api/things/{id}');
  });
});

import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  INestApplication,
  Module,
  Post,
  StreamableFile,
} from '@nestjs/common';
import request from 'supertest';
import { Public } from '../src/common/decorators/public.decorator';
import { closeTestApp, createTestApp } from './support/app';
import { createTestDatabase, TestDatabase } from './support/database';

const WITH_NON_ASCII = { name: 'Café crème ☕', price: '19.99', tags: ['été', 'naïve'] };

/** Test-only routes returning each kind of body a handler can return. */
@Public()
@Controller('test-replies')
class RepliesTestController {
  @Get('object')
  object(): typeof WITH_NON_ASCII {
    return WITH_NON_ASCII;
  }

  @Get('array')
  array(): number[] {
    return [1, 2, 3];
  }

  @Post('created')
  created(): { id: string } {
    return { id: 'abc' };
  }

  @Get('text')
  text(): string {
    return 'plain words';
  }

  @Delete('nothing')
  @HttpCode(204)
  nothing(): void {
    return undefined;
  }

  @Get('file')
  file(): StreamableFile {
    return new StreamableFile(Buffer.from('a,b\n1,2\n'), { type: 'text/csv' });
  }

  @Get('vendor-type')
  @Header('Content-Type', 'application/vnd.api+json')
  vendorType(): { data: null } {
    return { data: null };
  }

  @Get('with-header')
  @Header('Cache-Control', 'no-store')
  withHeader(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [RepliesTestController] })
class RepliesTestModule {}

/**
 * Replies go through AppExpressAdapter: JSON objects and arrays on its own short path, the rest
 * through Nest's. Either way a client must see what Express would have sent.
 */
describe('HTTP replies (AppExpressAdapter)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, {}, { imports: [RepliesTestModule] });
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  it('sends a JSON object as UTF-8 with its byte length, no ETag and no X-Powered-By', async () => {
    const res = await http.get('/api/test-replies/object').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toBe(JSON.stringify(WITH_NON_ASCII));
    // Bytes, not characters: the body has multi-byte characters.
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(Number(res.headers['content-length'])).toBeGreaterThan(res.text.length);
    expect(res.body).toEqual(WITH_NON_ASCII);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends arrays as JSON and keeps the route status (201 for POST)', async () => {
    const list = await http.get('/api/test-replies/array').expect(200);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(list.text).toBe('[1,2,3]');
    const created = await http.post('/api/test-replies/created').expect(201);
    expect(created.body).toEqual({ id: 'abc' });
    expect(created.headers['content-length']).toBe(String('{"id":"abc"}'.length));
  });

  it('keeps headers set before the reply', async () => {
    const res = await http.get('/api/test-replies/with-header').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({ ok: true });
  });

  it('leaves a Content-Type chosen by the route alone', async () => {
    const res = await http.get('/api/test-replies/vendor-type').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.api+json; charset=utf-8');
    expect(res.text).toBe('{"data":null}');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await http.get('/api/test-replies/object').expect(200);
    const head = await http.head('/api/test-replies/object').expect(200);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.text ?? '').toBe('');
  });

  it('sends strings, nothing (204) and files as Nest does', async () => {
    const text = await http.get('/api/test-replies/text').expect(200);
    expect(text.text).toBe('plain words');
    expect(text.headers['content-type']).toMatch(/^text\/html/);

    const nothing = await http.delete('/api/test-replies/nothing').expect(204);
    expect(nothing.text ?? '').toBe('');
    expect(nothing.headers['content-type']).toBeUndefined();

    const file = await http.get('/api/test-replies/file').expect(200);
    expect(file.headers['content-type']).toBe('text/csv');
    expect(file.text).toBe('a,b\n1,2\n');
  });

  it('gives errors their usual JSON shape', async () => {
    const res = await http.get('/api/test-replies/missing').expect(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toMatchObject({ statusCode: 404, code: expect.any(String) });
  });
});

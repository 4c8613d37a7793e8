import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  INestApplication,
  Module,
  NotFoundException,
  Post,
  Req,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource, EntityNotFoundError } from 'typeorm';
import { Public } from '../src/common/decorators/public.decorator';
import { AppException } from '../src/common/errors';
import { UuidParam } from '../src/common/validation';
import { closeTestApp, createTestApp } from './support/app';
import { createTestDatabase, TestDatabase } from './support/database';

class LineDto {
  @IsUUID()
  variantId: string;

  @IsInt()
  @Min(1)
  quantity: number;
}

class ThingDto {
  @IsString()
  name: string;

  // No @Min: the CHECK constraint in the table decides.
  @IsInt()
  qty: number;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LineDto)
  lines?: LineDto[];
}

class ChildDto {
  @IsUUID()
  thingId: string;
}

class CastDto {
  @IsString()
  value: string;
}

/** Test-only routes that hand real database errors (and a few others) to the global filter. */
@Public()
@Controller('test-errors')
class ErrorsTestController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('things')
  async createThing(@Body() dto: ThingDto): Promise<{ id: string; lines: number }> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'INSERT INTO t_thing (name, qty) VALUES ($1, $2) RETURNING id',
      [dto.name, dto.qty],
    );
    return { id: rows[0].id, lines: dto.lines?.length ?? 0 };
  }

  @Get('things/:id')
  async getThing(@UuidParam('id') id: string): Promise<{ id: string }> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM t_thing WHERE id = $1', [
      id,
    ]);
    if (rows.length === 0) {
      throw new EntityNotFoundError('Thing', { id });
    }
    return rows[0];
  }

  @Delete('things/:id')
  @HttpCode(204)
  async deleteThing(@UuidParam('id') id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM t_thing WHERE id = $1', [id]);
  }

  @Post('children')
  async createChild(@Body() dto: ChildDto): Promise<void> {
    await this.dataSource.query('INSERT INTO t_child (thing_id) VALUES ($1)', [dto.thingId]);
  }

  @Post('cast')
  async cast(@Body() dto: CastDto): Promise<void> {
    await this.dataSource.query('SELECT $1::uuid', [dto.value]);
  }

  @Post('not-null')
  async notNull(): Promise<void> {
    await this.dataSource.query('INSERT INTO t_thing (name, qty) VALUES (NULL, 1)');
  }

  @Post('too-long')
  async tooLong(): Promise<void> {
    await this.dataSource.query('INSERT INTO t_thing (name, qty) VALUES ($1, 1)', ['x'.repeat(50)]);
  }

  @Post('out-of-range')
  async outOfRange(): Promise<void> {
    await this.dataSource.query('INSERT INTO t_thing (name, qty) VALUES ($1, $2)', ['big', 100000]);
  }

  @Post('statement-timeout')
  async statementTimeout(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query("SET LOCAL statement_timeout = '50ms'");
      await tx.query('SELECT pg_sleep(2)');
    });
  }

  @Post('serialization-failure')
  async serializationFailure(): Promise<void> {
    await this.dataSource.query(
      "DO $$ BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = 'serialization_failure'; END $$",
    );
  }

  @Get('sql-bug')
  async sqlBug(): Promise<void> {
    await this.dataSource.query("SELEC 'hunter2' FROM secret_table");
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection string postgres://admin:hunter2@db/prod');
  }

  @Get('app-exception')
  appException(): never {
    throw new AppException(409, 'INSUFFICIENT_STOCK', 'Not enough stock', [
      { variantId: '2b7e1a3c-0000-4000-8000-000000000001', requested: 3, available: 1 },
    ]);
  }

  @Get('nest-exception')
  nestException(): never {
    throw new NotFoundException('No such thing');
  }

  @Post('raw')
  raw(@Req() req: { rawBody?: Buffer }): { rawBody: string | null } {
    return { rawBody: req.rawBody ? req.rawBody.toString('utf8') : null };
  }
}

@Module({ controllers: [ErrorsTestController] })
class ErrorsTestModule {}

describe('error responses', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`
      CREATE TABLE t_thing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(20) NOT NULL CONSTRAINT t_thing_name_key UNIQUE,
        qty smallint NOT NULL CONSTRAINT t_thing_qty_check CHECK (qty >= 0)
      );
      CREATE TABLE t_child (
        id serial PRIMARY KEY,
        thing_id uuid NOT NULL CONSTRAINT t_child_thing_fk REFERENCES t_thing (id)
      );
      CREATE TABLE t_restricted (
        id serial PRIMARY KEY,
        thing_id uuid NOT NULL CONSTRAINT t_restricted_thing_fk REFERENCES t_thing (id) ON DELETE RESTRICT
      );`);
    await client.end();
    // LOG_LEVEL=fatal-ish: the 500 cases below are expected, their error logs would only be noise.
    app = await createTestApp(db.url, {}, { imports: [ErrorsTestModule] });
    app.useLogger(false);
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  const shapeKeys = (body: object) => Object.keys(body).sort();

  describe('database constraints (decided by PostgreSQL)', () => {
    let thingId: string;

    beforeAll(async () => {
      const res = await http.post('/api/test-errors/things').send({ name: 'first', qty: 1 }).expect(201);
      thingId = res.body.id;
      await http.post('/api/test-errors/children').send({ thingId }).expect(201);
    });

    it('unique violation → 409 UNIQUE_VIOLATION naming the constraint', async () => {
      const res = await http.post('/api/test-errors/things').send({ name: 'first', qty: 2 }).expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: expect.any(String),
        code: 'UNIQUE_VIOLATION',
        details: { constraint: 't_thing_name_key' },
      });
    });

    it('deleting a row that is still referenced → 409 FOREIGN_KEY_VIOLATION', async () => {
      const res = await http.delete(`/api/test-errors/things/${thingId}`).expect(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        code: 'FOREIGN_KEY_VIOLATION',
        details: { constraint: 't_child_thing_fk' },
      });
    });

    it('deleting a row an ON DELETE RESTRICT key points at (SQLSTATE 23001 on PG 18) → 409', async () => {
      const res = await http.post('/api/test-errors/things').send({ name: 'restricted', qty: 1 }).expect(201);
      const id = (res.body as { id: string }).id;
      const client = new Client({ connectionString: db.url });
      await client.connect();
      await client.query('INSERT INTO t_restricted (thing_id) VALUES ($1)', [id]);
      await client.end();
      const del = await http.delete(`/api/test-errors/things/${id}`).expect(409);
      expect(del.body).toMatchObject({
        statusCode: 409,
        code: 'FOREIGN_KEY_VIOLATION',
        details: { constraint: 't_restricted_thing_fk' },
      });
    });

    it('pointing at a missing row → 400 REFERENCE_NOT_FOUND', async () => {
      const res = await http
        .post('/api/test-errors/children')
        .send({ thingId: '00000000-0000-0000-0000-000000000000' })
        .expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'REFERENCE_NOT_FOUND',
        details: { constraint: 't_child_thing_fk' },
      });
    });

    it('check violation → 400 CHECK_VIOLATION', async () => {
      const res = await http.post('/api/test-errors/things').send({ name: 'negative', qty: -1 }).expect(400);
      expect(res.body).toMatchObject({
        code: 'CHECK_VIOLATION',
        details: { constraint: 't_thing_qty_check' },
      });
    });

    it.each([
      ['invalid text representation', '/api/test-errors/cast', { value: 'not-a-uuid' }],
      ['not null', '/api/test-errors/not-null', {}],
      ['string too long', '/api/test-errors/too-long', {}],
      ['numeric out of range', '/api/test-errors/out-of-range', {}],
    ])('%s → 400 INVALID_INPUT', async (_label, path, body) => {
      const res = await http.post(path).send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'INVALID_INPUT' });
      expect(JSON.stringify(res.body)).not.toContain('not-a-uuid');
    });

    it('a NUL character in a value (SQLSTATE 22021) → 400 INVALID_INPUT on a real route', async () => {
      const res = await http.get('/api/stores/a%00b/cart').expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_INPUT' });
    });

    it('serialization failure → 409 CONCURRENT_UPDATE', async () => {
      const res = await http.post('/api/test-errors/serialization-failure').expect(409);
      expect(res.body).toMatchObject({ code: 'CONCURRENT_UPDATE' });
    });

    it('statement timeout → 503', async () => {
      const res = await http.post('/api/test-errors/statement-timeout').expect(503);
      expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    });

    it('EntityNotFoundError → 404 without the search criteria', async () => {
      const id = '11111111-2222-4333-8444-555555555555';
      const res = await http.get(`/api/test-errors/things/${id}`).expect(404);
      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Not found',
        code: 'NOT_FOUND',
      });
    });
  });

  describe('ids', () => {
    it('a malformed UUID in the path → 400 INVALID_ID, not a 500 from Postgres', async () => {
      const res = await http.delete('/api/test-errors/things/not-a-uuid').expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'id must be a UUID',
        code: 'INVALID_ID',
        details: { param: 'id' },
      });
    });

    it('the nil UUID is a well-formed id (404, not 400)', async () => {
      await http.get('/api/test-errors/things/00000000-0000-0000-0000-000000000000').expect(404);
    });
  });

  describe('validation', () => {
    it('unknown fields → 400 VALIDATION_FAILED naming the field', async () => {
      const res = await http
        .post('/api/test-errors/things')
        .send({ name: 'x', qty: 1, role: 'admin' })
        .expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'property role should not exist',
        code: 'VALIDATION_FAILED',
        details: [{ field: 'role', errors: ['property role should not exist'] }],
      });
    });

    it('nested errors use dotted field paths', async () => {
      const res = await http
        .post('/api/test-errors/things')
        .send({ name: 'x', qty: 1, lines: [{ variantId: 'nope', quantity: 0, extra: 1 }] })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = (res.body.details as Array<{ field: string }>).map((d) => d.field).sort();
      expect(fields).toEqual(['lines.0.extra', 'lines.0.quantity', 'lines.0.variantId']);
    });

    it('a malformed UUID in the body → 400 VALIDATION_FAILED', async () => {
      const res = await http.post('/api/test-errors/children').send({ thingId: 'abc' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'thingId', errors: ['thingId must be a UUID'] }]);
    });

    it('malformed JSON → 400 MALFORMED_JSON', async () => {
      const res = await http
        .post('/api/test-errors/things')
        .set('Content-Type', 'application/json')
        .send('{"name": "x",')
        .expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.any(String),
        code: 'MALFORMED_JSON',
      });
    });

    it('a body over the size limit → 413', async () => {
      const res = await http
        .post('/api/test-errors/things')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ name: 'x'.repeat(200_000), qty: 1 }))
        .expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    });
  });

  describe('other errors', () => {
    it('AppException keeps its code and details', async () => {
      const res = await http.get('/api/test-errors/app-exception').expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Not enough stock',
        code: 'INSUFFICIENT_STOCK',
        details: [{ variantId: '2b7e1a3c-0000-4000-8000-000000000001', requested: 3, available: 1 }],
      });
    });

    it('plain Nest exceptions get the same shape with a default code', async () => {
      const res = await http.get('/api/test-errors/nest-exception').expect(404);
      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'No such thing',
        code: 'NOT_FOUND',
      });
    });

    it('an unknown route → 404 in the same shape', async () => {
      const res = await http.get('/api/no-such-route').expect(404);
      expect(shapeKeys(res.body)).toEqual(['code', 'error', 'message', 'statusCode']);
    });

    it.each(['/api/test-errors/boom', '/api/test-errors/sql-bug'])(
      '%s → generic 500 that leaks neither SQL nor secrets',
      async (path) => {
        const res = await http.get(path).expect(500);
        expect(res.body).toEqual({
          statusCode: 500,
          error: 'Internal Server Error',
          message: 'Internal server error',
          code: 'INTERNAL_ERROR',
        });
      },
    );

    it('keeps the raw body (webhook signatures need the exact bytes)', async () => {
      const payload = '{"b": 1,  "a": 2}';
      const res = await http
        .post('/api/test-errors/raw')
        .set('Content-Type', 'application/json')
        .send(payload);
      expect(res.body).toEqual({ rawBody: payload });
    });
  });
});

import {
  buildOpenApiDocumentOffline,
  serializeOpenApiDocument,
} from '../../apps/api/src/openapi/openapi-document';
import { StaffRole } from '@app/auth';
import { discoverRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

describe('platform: routes, errors, docs, health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('marks every route public, with roles, or as a client portal route', () => {
    const routes = discoverRoutes(t);
    expect(routes.length).toBeGreaterThan(5);
    const undeclared = routes.filter((r) => !r.isPublic && !r.isPortal && (!r.roles || r.roles.length === 0));
    expect(undeclared.map((r) => `${r.method.toUpperCase()} ${r.path}`)).toEqual([]);
  });

  it('refuses every non-public route without a token (401), whatever the path values', async () => {
    const routes = discoverRoutes(t).filter((r) => !r.isPublic);
    for (const route of routes) {
      const url = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await (
        t.http() as unknown as Record<string, (u: string) => { send(b: object): Promise<{ status: number }> }>
      )
        [route.method](url)
        .send({});
      expect(`${route.method.toUpperCase()} ${route.path} -> ${res.status}`).toBe(
        `${route.method.toUpperCase()} ${route.path} -> 401`,
      );
    }
  });

  it('answers unknown routes with a JSON 404 in the error shape', async () => {
    const res = await t.http().get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.any(String),
      fields: null,
      errorId: null,
    });
  });

  it('answers malformed JSON with 400 and huge bodies with 413, never 500', async () => {
    const malformed = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c", "password": ')
      .expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });

    const huge = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }))
      .expect(413);
    expect(huge.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses unknown fields and names them', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const res = await admin.patch('/api/auth/me').send({ name: 'New name', isAdmin: true }).expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { isAdmin: ['isAdmin is not a known field'] },
    });
  });

  it('answers a bad path id with a 400 naming it', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const res = await admin.get('/api/users/not-a-uuid').expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { id: ['id must be a UUID'] } });
  });

  it('serves OpenAPI JSON with every route and the docs UI', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    const documented = Object.keys(doc.body.paths as object);
    for (const route of discoverRoutes(t)) {
      expect(documented).toContain(route.path.replace(/:([A-Za-z]+)/g, '{$1}'));
    }
    const schemas = doc.body.components.schemas as Record<string, { properties?: object }>;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['CreateUserDto', 'UserResponse', 'LoginDto']),
    );
    for (const [name, schema] of Object.entries(schemas)) {
      if (name.endsWith('Dto') || name.endsWith('Response')) {
        expect(`${name}: ${Object.keys(schema.properties ?? {}).length > 0}`).toBe(`${name}: true`);
      }
    }
    await t.http().get('/api/docs').expect(200);
  });

  it('serves the document that npm run openapi commits, built without PostgreSQL or Redis', async () => {
    const served = (await t.http().get('/api/docs-json').expect(200)).body as object;
    const offline = JSON.parse(serializeOpenApiDocument(await buildOpenApiDocumentOffline())) as object;
    expect(served).toEqual(offline);
  });

  it('reports PostgreSQL and Redis in /api/health', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.http().get('/api/health').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });
});

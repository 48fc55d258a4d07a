import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { AppModule } from '../app.module';

/**
 * The OpenAPI document of the API: served at /api/docs-json and written to libs/api-client/openapi.json
 * (`npm run openapi`), from which the API client is generated. Call after `setGlobalPrefix('api')`.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('PermitDesk API')
      .setDescription(
        'Clients, work-permit files, deadlines and consultations for Canadian immigration consultancies. ' +
          'Errors share one shape: {statusCode, code, message, fields, errorId}. Lists return {items, nextCursor}. ' +
          'While the database or the queue cannot be reached, any route answers 503 DATABASE_UNAVAILABLE or ' +
          'QUEUE_UNAVAILABLE with a Retry-After header (seconds): try again later.',
      )
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('/', 'This server')
      .addBearerAuth()
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description:
            'A client portal session’s token (POST /api/portal/auth/verify); refused by staff routes',
        },
        'portal',
      )
      .build(),
  );
  const schemas = document.components?.schemas ?? {};
  for (const schema of Object.values(schemas)) {
    const properties = (schema as SchemaObject).properties ?? {};
    for (const [name, property] of Object.entries(properties)) {
      properties[name] = plainEnumReference(property as SchemaObject, schemas);
    }
  }
  return document;
}

/**
 * Swagger writes every enum property as `allOf: [{$ref}]`, even with nothing beside it: a bare `$ref` says the
 * same, and is what linters and generators expect. A nullable one needs the enum's `type` next to `nullable`
 * (OpenAPI 3.0 ignores `nullable` without a `type`).
 */
function plainEnumReference(
  property: SchemaObject,
  schemas: Record<string, SchemaObject | ReferenceObject>,
): SchemaObject | ReferenceObject {
  const only = property.allOf?.length === 1 ? property.allOf[0] : undefined;
  if (!only || !('$ref' in only)) {
    return property;
  }
  const { allOf: _allOf, ...siblings } = property;
  if (Object.keys(siblings).length === 0) {
    return only;
  }
  const target = schemas[only.$ref.replace('#/components/schemas/', '')] as SchemaObject | undefined;
  if (siblings.nullable && !siblings.type && target?.type) {
    return { ...siblings, type: target.type, allOf: [only] };
  }
  return property;
}

/**
 * The same document built from the module graph alone: Nest's preview mode registers the modules and
 * controllers without instantiating providers, so nothing connects to PostgreSQL or Redis. The variables
 * only satisfy the config's validation.
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const config = AppConfig.fromVariables({
    NODE_ENV: 'development',
    JWT_SECRET: 'openapi-document-only-never-used-to-sign-anything',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { webDir: null }), {
    preview: true,
    abortOnError: false,
    bodyParser: false,
    logger: false,
  });
  app.setGlobalPrefix('api');
  return createOpenApiDocument(app);
}

/** The committed form: paths and schemas sorted by name, 2-space JSON, a final newline, so bytes are stable. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  const sorted = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const stable: OpenAPIObject = {
    ...document,
    paths: sorted(document.paths),
    components: {
      ...document.components,
      schemas: sorted(document.components?.schemas ?? {}),
    },
  };
  return `${JSON.stringify(stable, null, 2)}\n`;
}

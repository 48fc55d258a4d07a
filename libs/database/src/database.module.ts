import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { databaseOptions } from './database-options';

/**
 * The pool of a running app (not of migrations, which may run long): a request waits at most
 * DATABASE_CONNECT_TIMEOUT_MS (10 s) for a connection, whether PostgreSQL does not answer the connect or every pooled
 * connection is busy, and then fails with an error the API answers 503 DATABASE_UNAVAILABLE; a query with no answer
 * for DATABASE_QUERY_TIMEOUT_MS (10 s) fails the same way (a database that froze or a peer gone without a reset).
 * TCP keepalive notices dead idle connections.
 */
export function runtimePool(config: AppConfig) {
  return {
    max: 10,
    connectionTimeoutMillis: config.databaseTimeouts.connectMs,
    query_timeout: config.databaseTimeouts.queryMs,
    keepAlive: true,
  };
}

/**
 * The TypeORM connection for an app; each feature registers its own entities with forFeature.
 * The module definition is made once per process and shared: `npm start` runs the API and the worker as two Nest
 * apps in one process, and @nestjs/typeorm warns "A data source with the default name is already registered" for
 * every second forRoot. Each app still gets its own DataSource (the factory runs per app, with that app's config).
 */
@Module({})
export class DatabaseModule {
  private static definition: DynamicModule | undefined;

  static forRoot(): DynamicModule {
    DatabaseModule.definition ??= {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...databaseOptions(config.databaseUrl, { extra: runtimePool(config) }),
            autoLoadEntities: true,
          }),
        }),
      ],
    };
    return DatabaseModule.definition;
  }
}

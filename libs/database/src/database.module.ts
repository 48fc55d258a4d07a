import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { databaseOptions } from './database-options';

/**
 * The pool of a running app (not of migrations, which may run long): a request waits at most
 * DATABASE_CONNECT_TIMEOUT_MS (3 s) for a connection, whether PostgreSQL does not answer the connect or every pooled
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

/** The TypeORM connection for an app; each feature registers its own entities with forFeature. */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
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
  }
}

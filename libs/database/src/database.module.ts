import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { databaseOptions } from './database-options';

/**
 * The pool of a running app (not of migrations, which may run long): a request waits at most 3 s for a
 * connection, whether PostgreSQL does not answer the connect or every pooled connection is busy, and then fails
 * with an error the API answers 503 DATABASE_UNAVAILABLE; a query with no answer for 30 s fails the same way
 * (a dead peer that never sent a reset). TCP keepalive notices dead idle connections.
 */
export const RUNTIME_POOL = { max: 10, connectionTimeoutMillis: 3000, query_timeout: 30_000, keepAlive: true };

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
            ...databaseOptions(config.databaseUrl, { extra: RUNTIME_POOL }),
            autoLoadEntities: true,
          }),
        }),
      ],
    };
  }
}

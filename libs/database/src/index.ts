export * from './database-options';
export * from './ensure-database';
export * from './migrations';
export * from './snake-naming.strategy';
export * from './pg-errors';
export * from './migrate';
export * from './database.module';
export * from './connection-check';

export * from './clock';
export * from './domain-error';
export * from './field-encryption';
export * from './pagination';
export * from './sql-conditions';
export * from './staff-scope';
export * from './clock.module';
export * from './log-redaction';

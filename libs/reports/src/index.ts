export * from './reports.module';
export * from './reports.service';
export * from './reports.types';
export { csvField, toCsv } from './rules/csv';
export * from './rules/report-params';

export * from './reports.module';
export * from './reports.service';
export * from './reports.types';
export * from './rules/report-params';

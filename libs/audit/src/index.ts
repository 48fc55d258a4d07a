export * from './audit.module';
export * from './audit.service';
export * from './entities/audit-event.entity';
export { currentRequestOrigin, runWithRequestOrigin, type RequestOrigin } from './request-origin';
export type { TimelineEvent } from './timeline-rows';
